import { fromPublicKey, fromSecretKey, WalletType } from '@ocap/wallet';
import { describe, expect, it } from 'vitest';

import { generateAppWallet } from './app-wallet';

const APPLICATION = WalletType({ role: 3, pk: 0, hash: 1 });

describe('generateAppWallet', () => {
  it('makes the wallet @ocap/wallet makes from the same secret key, and signs as it does', async () => {
    const ours = generateAppWallet();
    const theirs = fromSecretKey(ours.secretKey, APPLICATION);
    expect(theirs.address).toBe(ours.address);
    expect(theirs.publicKey).toBe(ours.publicKey);
    expect(ours.sign('opsledger')).toBe(await theirs.sign('opsledger'));
    const verifier = fromPublicKey(ours.publicKey, APPLICATION);
    expect(await verifier.verify('opsledger', ours.sign('opsledger'))).toBe(true);
    expect(await verifier.verify('opsledger!', ours.sign('opsledger'))).toBe(false);
  });

  it('makes a different wallet each time', () => {
    expect(generateAppWallet().address).not.toBe(generateAppWallet().address);
  });
});
