import { fromRandom, fromSecretKey } from '@ocap/wallet';
import { describe, expect, it } from 'vitest';

import { generateSharedSecretKey, generateWalletKey } from './access-key-material';
import { hotpCode, sha256Code, timeStep } from './time-step-codes';
import { STAMP_WINDOW_MS, verifyAccessKey, type StoredAccessKey } from './verify-access-key';

const NOW = 1_700_000_000_000;

function storedWallet() {
  const material = generateWalletKey();
  const key: StoredAccessKey = {
    id: material.did,
    alg: 'wallet',
    publicKey: material.publicKeyHex,
    sharedSecret: null,
  };
  return { material, key, wallet: fromSecretKey(material.secretKey) };
}

/** The headers `@blocklet/server-js` sends for a wallet key, signed at `stamp`. */
async function walletHeaders(wallet: ReturnType<typeof fromSecretKey>, id: string, stamp: number) {
  const signature = await wallet.sign(`${stamp}-${id}`);
  return { alg: 'wallet' as const, id, stamp: String(stamp), signature };
}

describe('generated access keys', () => {
  it("give a wallet secret that @ocap/wallet reads back to the key's DID and public key", () => {
    const { material, wallet } = storedWallet();
    expect(wallet.address).toBe(material.did);
    expect(wallet.publicKey.replace(/^0x/, '')).toBe(material.publicKeyHex);
  });

  it('give distinct random shared-secret keys', () => {
    const [one, two] = [generateSharedSecretKey(), generateSharedSecretKey()];
    expect(one.id).toMatch(/^ak_/);
    expect(one.id).not.toBe(two.id);
    expect(one.secret).not.toBe(two.secret);
    expect(Buffer.from(one.secret, 'base64url')).toHaveLength(32);
  });
});

describe('wallet access keys', () => {
  it('accept a signature of the stamp and id by the registered wallet', async () => {
    const { key, wallet } = storedWallet();
    expect(verifyAccessKey(await walletHeaders(wallet, key.id, NOW), key, NOW)).toBe(true);
    const early = await walletHeaders(wallet, key.id, NOW - STAMP_WINDOW_MS);
    expect(verifyAccessKey(early, key, NOW)).toBe(true);
  });

  it('refuse a stamp outside the window, either way, as a replay or a forged clock', async () => {
    const { key, wallet } = storedWallet();
    const stale = await walletHeaders(wallet, key.id, NOW - STAMP_WINDOW_MS - 1);
    const future = await walletHeaders(wallet, key.id, NOW + STAMP_WINDOW_MS + 1);
    expect(verifyAccessKey(stale, key, NOW)).toBe(false);
    expect(verifyAccessKey(future, key, NOW)).toBe(false);
  });

  it('refuse a signature by another wallet, over another stamp, or malformed', async () => {
    const { key, wallet } = storedWallet();
    const byOther = await walletHeaders(fromRandom(), key.id, NOW);
    expect(verifyAccessKey(byOther, key, NOW)).toBe(false);
    const signed = await walletHeaders(wallet, key.id, NOW);
    expect(verifyAccessKey({ ...signed, stamp: String(NOW + 1) }, key, NOW)).toBe(false);
    expect(verifyAccessKey({ ...signed, signature: '0x1234' }, key, NOW)).toBe(false);
    expect(verifyAccessKey({ ...signed, stamp: '1e12' }, key, NOW)).toBe(false);
  });

  it("refuse a key row whose id is not its public key's DID", async () => {
    const { key, wallet } = storedWallet();
    const other = generateWalletKey();
    const forged = { ...key, publicKey: other.publicKeyHex };
    expect(verifyAccessKey(await walletHeaders(wallet, key.id, NOW), forged, NOW)).toBe(false);
  });
});

describe('shared-secret access keys', () => {
  const material = generateSharedSecretKey();
  const stored = (alg: 'sha256' | 'totp'): StoredAccessKey => ({
    id: material.id,
    alg,
    publicKey: null,
    sharedSecret: material.secret,
  });
  const step = timeStep(NOW);

  it('accept the sha256 code of the step and refuse another secret or a far step', () => {
    const key = stored('sha256');
    const presented = (signature: string) => ({ alg: 'sha256' as const, id: key.id, signature });
    expect(verifyAccessKey(presented(sha256Code(material.secret, step)), key, NOW)).toBe(true);
    expect(verifyAccessKey(presented(sha256Code('other', step)), key, NOW)).toBe(false);
    expect(verifyAccessKey(presented(sha256Code(material.secret, step - 2)), key, NOW)).toBe(false);
  });

  it('accept the TOTP of the step and refuse a wrong code', () => {
    const key = stored('totp');
    const code = hotpCode(material.secret, step);
    const presented = (signature: string) => ({ alg: 'totp' as const, id: key.id, signature });
    expect(verifyAccessKey(presented(code), key, NOW)).toBe(true);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyAccessKey(presented(wrong), key, NOW)).toBe(false);
    expect(verifyAccessKey(presented(`${code}0`), key, NOW)).toBe(false);
  });

  it('refuse a code of the other scheme than the key was made for', () => {
    const presented = { alg: 'sha256' as const, id: material.id };
    const signature = sha256Code(material.secret, step);
    expect(verifyAccessKey({ ...presented, signature }, stored('totp'), NOW)).toBe(false);
  });
});
