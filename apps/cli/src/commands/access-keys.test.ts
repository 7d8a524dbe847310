import { createHash, createPrivateKey, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startCliHarness } from '../testing/cli-harness';

let cli: Awaited<ReturnType<typeof startCliHarness>>;
beforeAll(async () => {
  cli = await startCliHarness();
});
afterAll(() => cli.close());

interface PrintedKey {
  accessKeyId: string;
  accessKeySecret: string;
  type?: string;
}

/** The headers @blocklet/server-js sends for a wallet key, signed here with node:crypto alone. */
function walletHeaders(key: PrintedKey): Record<string, string> {
  const seed = Buffer.from(key.accessKeySecret.replace(/^0x/, ''), 'hex').subarray(0, 32);
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const stamp = String(Date.now());
  const digest = createHash('sha3-256').update(`${stamp}-${key.accessKeyId}`).digest();
  return {
    'x-access-key-id': key.accessKeyId,
    'x-access-stamp': stamp,
    'x-access-signature': `0x${sign(null, digest, privateKey).toString('hex')}`,
  };
}

function sha256Headers(key: PrintedKey): Record<string, string> {
  const step = Math.floor(Date.now() / 30_000);
  return {
    'x-access-key-id': key.accessKeyId,
    'x-access-alg': 'sha256',
    'x-access-signature': createHash('sha256')
      .update(`${key.accessKeySecret}${step}`)
      .digest('base64'),
  };
}

/** What a Blocklet client with these headers reads: its team's audit log count, or the error. */
async function auditLogTotal(headers: Record<string, string>) {
  const response = await fetch(`${cli.url}/api/compat/blocklet`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ getAuditLogs(input: {}) { code paging { total } } }' }),
  });
  return response.json();
}

describe('access-keys', () => {
  it('creates a wallet key whose --json is exactly what setAuthAccessKey takes, and revokes it', async () => {
    const team = await cli.teamWithCredentials();
    const created = await cli.run(
      ['access-keys', 'create', '--team', team.slug, '--name', 'dashboard', '--json'],
      team,
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const key = JSON.parse(created.stdout) as PrintedKey;
    expect(Object.keys(key)).toEqual(['accessKeyId', 'accessKeySecret']);
    expect(key.accessKeySecret).toMatch(/^0x[0-9a-f]{128}$/);
    expect(await auditLogTotal(walletHeaders(key))).toEqual({
      data: { getAuditLogs: { code: 'ok', paging: { total: 0 } } },
    });

    const listed = await cli.run(['access-keys', 'list', '--json'], team);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        id: key.accessKeyId,
        alg: 'wallet',
        role: 'viewer',
        name: 'dashboard',
      }),
    ]);
    expect(listed.stdout).not.toContain(key.accessKeySecret);
    const table = await cli.run(['access-keys', 'list'], team);
    expect(table.stdout).toMatch(new RegExp(`${key.accessKeyId}\\s+wallet\\s+viewer\\s+dashboard`));

    const revoked = await cli.run(['access-keys', 'revoke', key.accessKeyId], team);
    expect(revoked).toMatchObject({
      code: 0,
      stdout: `revoked viewer wallet access key ${key.accessKeyId}\n`,
    });
    expect(await auditLogTotal(walletHeaders(key))).toMatchObject({
      data: { getAuditLogs: null },
      errors: [{ message: 'forbidden' }],
    });
  });

  it('adds the type setAuthAccessKey needs for sha256 and totp keys', async () => {
    const team = await cli.teamWithCredentials();
    for (const alg of ['sha256', 'totp']) {
      const created = await cli.run(
        ['access-keys', 'create', '--alg', alg, '--role', 'member', '--json'],
        team,
      );
      const key = JSON.parse(created.stdout) as PrintedKey;
      expect(Object.keys(key)).toEqual(['accessKeyId', 'accessKeySecret', 'type']);
      expect(key).toMatchObject({ accessKeyId: expect.stringMatching(/^ak_/), type: alg });
      if (alg === 'sha256') {
        expect(await auditLogTotal(sha256Headers(key))).toMatchObject({
          data: { getAuditLogs: { code: 'ok' } },
        });
      }
    }
  });

  it('refuses an algorithm it does not know, and a key id the team does not have', async () => {
    const team = await cli.teamWithCredentials();
    const badAlg = await cli.run(['access-keys', 'create', '--alg', 'rsa'], team);
    expect(badAlg.code).toBe(1);
    expect(badAlg.stderr).toMatch(/--alg/);
    const unknown = await cli.run(['access-keys', 'revoke', 'ak_nope'], team);
    expect(unknown).toMatchObject({ code: 1, stderr: 'opsledger: id: access key not found\n' });
  });
});
