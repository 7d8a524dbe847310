import { fromSecretKey } from '@ocap/wallet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CreatedAccessKey } from '@opsledger/domain';

import { hotpCode, sha256Code, timeStep } from '../../auth/access-keys/time-step-codes';
import { flushRequestLog } from '../../http/request-log/request-log-queue';
import { createTestApi, serveApi, type ServedApi, type TestTeamWithApp } from '../../testing';
import { blockletClient, postGraphql } from './blocklet-client.testing';

/** Every way a Blocklet client proves who it is, and every way that proof can be wrong. */
let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
});
afterAll(async () => {
  await served.close();
  await api.close();
});

const AUDIT_LOGS_QUERY = JSON.stringify({
  query: '{ getAuditLogs(input: {}) { code list { action } paging { total } } }',
});

/** A team with one audit log entry and one backup, so any leak would show. */
async function teamWithData(): Promise<TestTeamWithApp> {
  const team = await api.newTeamWithApp({ name: 'Shop' });
  await team.owner.auditLogs.record({
    scope: 'node',
    category: 'user',
    action: `login-${team.slug}`,
    actor: { did: 'z1alice' },
  });
  await team.owner.backups.create({ appDid: team.appDid, sourceUrl: '/data', target: 'disk' });
  return team;
}

const ownActions = async (client: ReturnType<typeof blockletClient>) =>
  (await client.getAuditLogs({ input: {} })).list?.map((log) => log.action);

async function lastUsedAt(team: TestTeamWithApp, id: string) {
  const keys = await team.owner.accessKeys.list();
  return keys.find((key) => key.id === id)?.lastUsedAt;
}

describe('each credential the client can send', () => {
  it.each(['wallet', 'sha256', 'totp'] as const)(
    'a %s access key reads its own team, and its use is noted',
    async (alg) => {
      const team = await teamWithData();
      const key = await team.owner.accessKeys.create({ alg, name: `${alg} dashboard` });
      expect(await lastUsedAt(team, key.accessKeyId)).toBeNull();
      const client = blockletClient(served.url, { accessKey: key });
      expect(await ownActions(client)).toEqual([`login-${team.slug}`]);
      expect(await lastUsedAt(team, key.accessKeyId)).not.toBeNull();
      const backups = await client.getBlockletBackups({ input: { did: team.appDid } });
      expect(backups.backups).toHaveLength(1);
    },
  );

  it('a Bearer API key (setAuthToken) reads its own team, with any role', async () => {
    const team = await teamWithData();
    for (const secret of [team.ownerSecret, await team.keySecret('viewer')]) {
      expect(await ownActions(blockletClient(served.url, { token: secret }))).toEqual([
        `login-${team.slug}`,
      ]);
    }
  });
});

describe('refused credentials get forbidden and no data', () => {
  const refused = 'GraphQLError: forbidden';

  it('no credential at all', async () => {
    await teamWithData();
    await expect(ownActions(blockletClient(served.url))).rejects.toThrow(refused);
    const raw = await postGraphql(served.url, AUDIT_LOGS_QUERY);
    expect(raw.status).toBe(200);
    expect(raw.json).toEqual({
      data: { getAuditLogs: null },
      errors: [
        expect.objectContaining({ message: 'forbidden', extensions: { code: 'forbidden' } }),
      ],
    });
  });

  it('an unknown or revoked API key', async () => {
    const team = await teamWithData();
    await expect(ownActions(blockletClient(served.url, { token: 'olk_nope' }))).rejects.toThrow(
      refused,
    );
    const secret = await team.keySecret('viewer');
    const [revoked] = (await team.owner.apiKeys.list()).filter((key) => key.role === 'viewer');
    await team.owner.apiKeys.revoke({ id: revoked?.id ?? '' });
    await expect(ownActions(blockletClient(served.url, { token: secret }))).rejects.toThrow(
      refused,
    );
  });

  it.each(['wallet', 'sha256', 'totp'] as const)('a revoked %s access key', async (alg) => {
    const team = await teamWithData();
    const key = await team.owner.accessKeys.create({ alg });
    const client = blockletClient(served.url, { accessKey: key });
    expect(await ownActions(client)).toHaveLength(1);
    const revoked = await team.owner.accessKeys.revoke({ id: key.accessKeyId });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(ownActions(client)).rejects.toThrow(refused);
  });

  it('a wallet signature by another wallet, or over another key id', async () => {
    const team = await teamWithData();
    const key = await team.owner.accessKeys.create({ alg: 'wallet' });
    const stranger = await (await api.newTeam()).owner.accessKeys.create({ alg: 'wallet' });
    const stamp = Date.now();
    const signedBy = (secret: string, message: string) => fromSecretKey(secret).sign(message);
    const forged = await postGraphql(served.url, AUDIT_LOGS_QUERY, {
      'x-access-key-id': key.accessKeyId,
      'x-access-stamp': String(stamp),
      'x-access-signature': await signedBy(stranger.accessKeySecret, `${stamp}-${key.accessKeyId}`),
    });
    expect(forged.json).toMatchObject({
      data: { getAuditLogs: null },
      errors: [{ message: 'forbidden' }],
    });
    const otherMessage = await postGraphql(served.url, AUDIT_LOGS_QUERY, {
      'x-access-key-id': key.accessKeyId,
      'x-access-stamp': String(stamp),
      'x-access-signature': await signedBy(key.accessKeySecret, `${stamp}-${stranger.accessKeyId}`),
    });
    expect(otherMessage.json).toMatchObject({ errors: [{ message: 'forbidden' }] });
  });

  it('a wallet stamp older than five minutes (a replay) or from the future', async () => {
    const team = await teamWithData();
    const key = await team.owner.accessKeys.create({ alg: 'wallet' });
    const headersAt = async (stamp: number) => ({
      'x-access-key-id': key.accessKeyId,
      'x-access-stamp': String(stamp),
      'x-access-signature': await fromSecretKey(key.accessKeySecret).sign(
        `${stamp}-${key.accessKeyId}`,
      ),
    });
    const now = Date.now();
    const fresh = await postGraphql(served.url, AUDIT_LOGS_QUERY, await headersAt(now - 60_000));
    expect(fresh.json).toMatchObject({ data: { getAuditLogs: { code: 'ok' } } });
    // The same signed headers, replayed six minutes later, are what a stale stamp looks like.
    for (const stamp of [now - 6 * 60_000, now + 6 * 60_000]) {
      const stale = await postGraphql(served.url, AUDIT_LOGS_QUERY, await headersAt(stamp));
      expect(stale.json).toMatchObject({
        data: { getAuditLogs: null },
        errors: [{ message: 'forbidden' }],
      });
    }
  });

  it('a wrong TOTP or sha256 code, and a code of the other scheme', async () => {
    const team = await teamWithData();
    const totp = await team.owner.accessKeys.create({ alg: 'totp' });
    const sha = await team.owner.accessKeys.create({ alg: 'sha256' });
    const step = timeStep(Date.now());
    const send = (key: CreatedAccessKey, alg: string, signature: string) =>
      postGraphql(served.url, AUDIT_LOGS_QUERY, {
        'x-access-key-id': key.accessKeyId,
        'x-access-alg': alg,
        'x-access-signature': signature,
      });
    const right = hotpCode(totp.accessKeySecret, step);
    expect((await send(totp, 'totp', right)).json).toMatchObject({
      data: { getAuditLogs: { code: 'ok' } },
    });
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const far = hotpCode(totp.accessKeySecret, step - 3);
    for (const code of [wrong, far, '']) {
      expect((await send(totp, 'totp', code)).json).toMatchObject({
        errors: [{ message: 'forbidden' }],
      });
    }
    expect((await send(sha, 'sha256', sha256Code('guess', step))).json).toMatchObject({
      errors: [{ message: 'forbidden' }],
    });
    // A sha256 key's code sent as totp, and an algorithm the server does not know.
    expect((await send(sha, 'totp', sha256Code(sha.accessKeySecret, step))).json).toMatchObject({
      errors: [{ message: 'forbidden' }],
    });
    expect((await send(sha, 'md5', sha256Code(sha.accessKeySecret, step))).json).toMatchObject({
      errors: [{ message: 'forbidden' }],
    });
  });
});

describe('teams do not see each other', () => {
  it("another team's key reads only its own team, and another team's DID is not found", async () => {
    const team = await teamWithData();
    const other = await teamWithData();
    await team.owner.passportLogs.record({ passportId: 'zpassport_team', action: 'issued' });
    const otherKey = await other.owner.accessKeys.create({ alg: 'sha256' });
    const client = blockletClient(served.url, { accessKey: otherKey });

    expect(await ownActions(client)).toEqual([`login-${other.slug}`]);
    expect(await client.getBlockletBackups({ input: { did: team.appDid } })).toMatchObject({
      code: 'blocklet_not_found',
      backups: [],
    });
    expect(await client.getBlockletBackupSummary({ input: { did: team.appDid } })).toMatchObject({
      code: 'blocklet_not_found',
      summary: [],
    });
    expect(await client.getTrafficInsights({ input: { did: team.appDid } })).toMatchObject({
      code: 'blocklet_not_found',
      list: [],
    });
    await expect(client.getPassportLogs({ input: { teamDid: team.appDid } })).rejects.toThrow(
      `GraphQLError: teamDid: app ${team.appDid} not found`,
    );
    const passports = await client.getPassportLogs({
      input: { query: { passportId: 'zpassport_team' } },
    });
    expect(passports.passportLogs).toEqual([]);
    const everyBackup = await client.getBlockletBackups({ input: {} });
    expect(everyBackup.backups?.map((backup) => backup.appPid)).toEqual([other.appDid]);
  });
});

describe('the request log', () => {
  it('has each authenticated Blocklet query under its name, and none of a refused one', async () => {
    const team = await teamWithData();
    const key = await team.owner.accessKeys.create({ alg: 'totp' });
    await blockletClient(served.url, { accessKey: key }).getTrafficInsights({ input: {} });
    await blockletClient(served.url, { token: 'olk_nope' })
      .getPassportLogs({ input: {} })
      .catch(() => undefined);
    await flushRequestLog(api.database);
    const { events } = await team.owner.events.list({ type: 'user' });
    const blocklet = events.filter((event) => event.module === 'Blocklet');
    expect(blocklet.map((event) => [event.name, event.statusCode])).toEqual([
      ['getTrafficInsights', 200],
    ]);
  });
});

describe('managing access keys', () => {
  it('lists keys without secrets and lets only a manager create or revoke them, within its role', async () => {
    const team = await api.newTeam();
    const created = await team.owner.accessKeys.create({ alg: 'totp', role: 'admin', name: 'ops' });
    expect(created).toMatchObject({ type: 'totp', alg: 'totp', role: 'admin', name: 'ops' });
    const wallet = await team.owner.accessKeys.create({});
    expect(wallet).toMatchObject({ alg: 'wallet', role: 'viewer', name: 'access key' });
    expect(wallet).not.toHaveProperty('type');
    expect(fromSecretKey(wallet.accessKeySecret).address).toBe(wallet.accessKeyId);

    const listed = await team.owner.accessKeys.list();
    expect(listed.map((key) => key.id).sort()).toEqual(
      [created.accessKeyId, wallet.accessKeyId].sort(),
    );
    expect(JSON.stringify(listed)).not.toContain(created.accessKeySecret);

    const admin = await team.as('admin');
    await expect(admin.accessKeys.create({ role: 'owner' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'role: a admin key may not create owner keys',
    });
    const viewer = await team.as('viewer');
    await expect(viewer.accessKeys.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const other = await api.newTeam();
    await expect(other.owner.accessKeys.revoke({ id: created.accessKeyId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const again = await team.owner.accessKeys.revoke({ id: created.accessKeyId });
    expect(await team.owner.accessKeys.revoke({ id: created.accessKeyId })).toEqual(again);
  });
});
