import { fromRandom, WalletType } from '@ocap/wallet';
import { describe, expect, it } from 'vitest';

import {
  didFromPublicKey,
  hexBytes,
  isDidOfPublicKey,
  roleOfDid,
  sha3,
  verifyEd25519,
} from './abt-did';

function bytes(hex: string, length: number): Buffer {
  const parsed = hexBytes(hex, length);
  if (!parsed) throw new Error(`not ${length} bytes of hex: ${hex}`);
  return parsed;
}

const ROLE_ACCOUNT = 0;
const ROLE_APPLICATION = 3;

describe('ArcBlock DIDs', () => {
  it('derives the DID the published wallet derives, for accounts and applications', () => {
    for (const role of [ROLE_ACCOUNT, ROLE_APPLICATION]) {
      const wallet = fromRandom(WalletType({ role, pk: 0, hash: 1 }));
      const publicKey = bytes(wallet.publicKey, 32);
      expect(didFromPublicKey(publicKey, role)).toBe(wallet.address);
      expect(roleOfDid(`did:abt:${wallet.address}`)).toBe(role);
      expect(isDidOfPublicKey(wallet.address, publicKey)).toBe(true);
    }
  });

  it('refuses a DID of another key, a broken checksum and non-DIDs', () => {
    const one = fromRandom();
    const other = fromRandom();
    expect(isDidOfPublicKey(one.address, bytes(other.publicKey, 32))).toBe(false);
    const tampered = one.address.slice(0, -1) + (one.address.endsWith('a') ? 'b' : 'a');
    expect(roleOfDid(tampered)).toBeNull();
    expect(roleOfDid('not a did')).toBeNull();
    expect(roleOfDid('z0OIl')).toBeNull();
  });

  it("verifies the wallet's signatures over SHA3 of the message, and nothing else", async () => {
    const wallet = fromRandom();
    const signature = bytes(await wallet.sign('1700000000000-abc'), 64);
    const publicKey = bytes(wallet.publicKey, 32);
    expect(verifyEd25519(publicKey, sha3('1700000000000-abc'), signature)).toBe(true);
    expect(verifyEd25519(publicKey, sha3('1700000000001-abc'), signature)).toBe(false);
    expect(verifyEd25519(publicKey.subarray(1), sha3('x'), signature)).toBe(false);
  });
});
