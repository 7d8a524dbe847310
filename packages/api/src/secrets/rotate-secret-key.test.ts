import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi } from '../testing';
import { bindSecretKeyring, secretKeyringOf } from './credential-secrets';
import {
  createHeldCredentials,
  signsIn,
  storedSecret,
  type HeldCredential,
} from './credential-sign-in.testing';
import { keyringFilePath, readKeyringFile } from './keyring-file';
import { rotateSecretKey } from './rotate-secret-key';
import { attachSecretKeyring, openServerKeyring } from './server-keyring';

// Clear rows and rotation share a file: a rotation encrypts every clear row it meets, so a
// parallel file's clear rows (on a shared PostgreSQL) would be taken from under it.
let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.close());

async function allSignIn(held: HeldCredential[]): Promise<boolean[]> {
  return Promise.all(held.map((h) => signsIn(api.database, h)));
}

const keyIdOf = async (held: HeldCredential) =>
  (await storedSecret(api.database, held)).split(':')[1];

describe('secrets written in clear before encryption at rest', () => {
  it('are encrypted at start, once, and still sign in', async () => {
    const held = await createHeldCredentials(await api.newTeam());
    for (const h of held) {
      const [table, id] =
        h.kind === 'hblock' ? ['hblock_users', 'user_name'] : ['access_keys', 'id'];
      await api.database.query(`update ${table} set shared_secret = $1 where ${id} = $2`, [
        h.secret,
        h.id,
      ]);
    }
    expect(await allSignIn(held)).toEqual([false, false, false]);

    const logged: string[] = [];
    await attachSecretKeyring(api.database, secretKeyringOf(api.database), (l) => logged.push(l));
    // A shared PostgreSQL may also hold clear rows written before this change.
    const [line] = logged;
    expect(line).toMatch(/^encrypted \d+ shared secrets stored in clear text$/);
    expect(Number(line?.split(' ')[1])).toBeGreaterThanOrEqual(3);
    for (const h of held) expect(await storedSecret(api.database, h)).not.toContain(h.secret);
    expect(await allSignIn(held)).toEqual([true, true, true]);

    await attachSecretKeyring(api.database, secretKeyringOf(api.database), (l) => logged.push(l));
    expect(logged).toHaveLength(1);
  });
});

describe('rotate-secret-key', () => {
  it('re-encrypts under a new primary key while old and new ciphertexts keep signing in', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'opsledger-rotate-')), 'data');
    const running = await openServerKeyring({ dataDir });
    const oldKeyId = running.primaryId();
    bindSecretKeyring(api.database, running);
    const held = await createHeldCredentials(await api.newTeam());

    const outcome = await rotateSecretKey({
      config: { dataDir },
      openDatabase: async () => api.database,
      resealOnly: false,
    });
    if (outcome.kind !== 'resealed') throw new Error(`unexpected ${outcome.kind}`);
    expect(outcome.keyId).not.toBe(oldKeyId);
    expect(outcome.counts['access-key'].resealed).toBeGreaterThanOrEqual(2);
    expect(outcome.counts['hblock-user'].resealed).toBeGreaterThanOrEqual(1);
    for (const h of held) expect(await keyIdOf(h)).toBe(outcome.keyId);
    const path = keyringFilePath(dataDir);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readKeyringFile(path))?.map((k) => k.id)).toEqual([outcome.keyId, oldKeyId]);
    expect(await allSignIn(held)).toEqual([true, true, true]);

    // A server started before the rotation still seals under the old key until it meets the
    // new one; both keep signing in there, and in a server started after.
    bindSecretKeyring(api.database, running);
    const [late] = await createHeldCredentials(await api.newTeam());
    if (!late) throw new Error('fixture');
    expect(await keyIdOf(late)).toBe(oldKeyId);
    expect(await allSignIn([...held, late])).toEqual([true, true, true, true]);
    bindSecretKeyring(api.database, await openServerKeyring({ dataDir }));
    expect(await allSignIn([...held, late])).toEqual([true, true, true, true]);

    const resealed = await rotateSecretKey({
      config: { dataDir },
      openDatabase: async () => api.database,
      resealOnly: true,
    });
    expect(resealed).toMatchObject({ kind: 'resealed', keyId: outcome.keyId });
    expect(await keyIdOf(late)).toBe(outcome.keyId);
    expect(await signsIn(api.database, late)).toBe(true);
  });

  it('with keys from the environment, answers the value to set and changes nothing', async () => {
    const current = [{ id: 'k1', key: Buffer.alloc(32, 1).toString('base64') }];
    const outcome = await rotateSecretKey({
      config: { dataDir: '/nonexistent', secretKeys: current },
      openDatabase: async () => {
        throw new Error('must not open the database');
      },
      resealOnly: false,
    });
    expect(outcome).toEqual({
      kind: 'env-value',
      value: expect.stringMatching(
        new RegExp(`^k[0-9a-f]{8}:[A-Za-z0-9+/]{43}=,k1:${current[0]?.key}$`),
      ),
    });
  });
});
