import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi } from '../testing';
import {
  createHeldCredentials,
  signsIn,
  storedSecret,
  type HeldCredential,
} from './credential-sign-in.testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

const table = (held: HeldCredential) => (held.kind === 'hblock' ? 'hblock_users' : 'access_keys');
const idColumn = (held: HeldCredential) => (held.kind === 'hblock' ? 'user_name' : 'id');

async function copySecret(from: HeldCredential, to: HeldCredential): Promise<void> {
  await api.database.query(
    `update ${table(to)} set shared_secret = $1 where ${idColumn(to)} = $2`,
    [await storedSecret(api.database, from), to.id],
  );
}

describe('shared secrets at rest', () => {
  it('are stored encrypted, not as the secret, and still sign in (sha256, TOTP, HBlock)', async () => {
    for (const held of await createHeldCredentials(await api.newTeam())) {
      const stored = await storedSecret(api.database, held);
      expect(stored).toMatch(/^v1:k[0-9a-f]{8}:/);
      expect(stored).not.toContain(held.secret);
      expect(await signsIn(api.database, held)).toBe(true);
      expect(await signsIn(api.database, { ...held, secret: `${held.secret}x` })).toBe(false);
    }
  });

  it('do not open when copied to another credential, of the same team or another', async () => {
    const [mine, theirs] = [await api.newTeam(), await api.newTeam()];
    const [sha256, totp, hblock] = await createHeldCredentials(mine);
    const [otherSha256, , otherHBlock] = await createHeldCredentials(theirs);
    if (!sha256 || !totp || !hblock || !otherSha256 || !otherHBlock) throw new Error('fixture');

    await copySecret(sha256, totp);
    await copySecret(sha256, otherSha256);
    await copySecret(hblock, otherHBlock);
    // Neither the copied secret nor the row's own opens the copied ciphertext.
    for (const held of [totp, otherSha256, otherHBlock]) {
      expect(await signsIn(api.database, held)).toBe(false);
    }
    expect(await signsIn(api.database, { ...totp, secret: sha256.secret })).toBe(false);
    expect(await signsIn(api.database, { ...otherSha256, secret: sha256.secret })).toBe(false);
    expect(await signsIn(api.database, { ...otherHBlock, secret: hblock.secret })).toBe(false);
    expect(await signsIn(api.database, sha256)).toBe(true);
  });
});
