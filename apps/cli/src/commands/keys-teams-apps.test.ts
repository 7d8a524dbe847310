import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newAppWallet, provenApp } from '@opsledger/api/testing';
import { createOpsLedgerClient } from '@opsledger/client';
import { readCredentials } from '@opsledger/client/credentials';

import { startCliHarness } from '../testing/cli-harness';

/** An address where nothing listens: a port just given up by a server. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

let cli: Awaited<ReturnType<typeof startCliHarness>>;
beforeAll(async () => {
  cli = await startCliHarness();
});
afterAll(() => cli.close());

describe('keys', () => {
  it('creates a key whose --json output is exactly {id, secret} and whose secret works', async () => {
    const team = await cli.teamWithCredentials();
    const created = await cli.run(
      ['keys', 'create', '--team', team.slug, '--role', 'viewer', '--json'],
      team,
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(created.stdout);
    expect(Object.keys(output)).toEqual(['id', 'secret']);

    const viewer = createOpsLedgerClient({ url: cli.url, key: output.secret, retry: false });
    expect((await viewer.teams.current.query()).slug).toBe(team.slug);
    const app = await provenApp(team.id, { name: 'x' });
    await expect(viewer.apps.create.mutate(app)).rejects.toMatchObject({
      data: { httpStatus: 403 },
    });

    const listed = await cli.run(['keys', 'list', '--json'], team);
    const keys = JSON.parse(listed.stdout) as { id: string; role: string }[];
    expect(keys.find((key) => key.id === output.id)?.role).toBe('viewer');

    const revoked = await cli.run(['keys', 'revoke', output.id], team);
    expect(revoked.code).toBe(0);
    await expect(viewer.teams.current.query()).rejects.toMatchObject({
      data: { httpStatus: 401 },
    });
  });

  it('refuses a role the API does not know, in one line and exit code 1', async () => {
    const team = await cli.teamWithCredentials();
    const result = await cli.run(['keys', 'create', '--role', 'god'], team);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--role/);
    expect(result.stdout).toBe('');
  });

  it('reports API refusals by field, without a stack trace', async () => {
    const team = await cli.teamWithCredentials();
    const result = await cli.run(['keys', 'revoke', 'not-a-uuid'], team);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^opsledger: id: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('credentials', () => {
  it('refuses a --team whose key belongs to another team', async () => {
    const team = await cli.teamWithCredentials();
    const other = await cli.api.newTeam();
    const { writeFile } = await import('node:fs/promises');
    const { credentialsPath } = await import('@opsledger/client/credentials');
    const file = await readCredentials(team.dataDir);
    await writeFile(
      credentialsPath(team.dataDir),
      JSON.stringify({ ...file, teams: { ...file?.teams, [other.slug]: team.ownerSecret } }),
    );
    const result = await cli.run(['apps', 'list', '--team', other.slug], team);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `opsledger: --team: the key belongs to team "${team.slug}", not "${other.slug}"\n`,
    );

    const unknown = await cli.run(['apps', 'list', '--team', 'nobody'], team);
    expect(unknown.stderr).toMatch(/--team: no key for team "nobody"/);
  });

  it('lets --url/--key and OPSLEDGER_URL/OPSLEDGER_KEY override the file', async () => {
    const team = await cli.teamWithCredentials();
    const other = await cli.api.newTeam();
    const { did } = await other.addApp({ name: 'Other' });
    const byFlags = await cli.run(['apps', 'list', '--json', '--key', other.ownerSecret], team);
    expect(JSON.parse(byFlags.stdout).map((app: { did: string }) => app.did)).toEqual([did]);
    const byEnv = await cli.run(['apps', 'list', '--json'], {
      dataDir: '/nonexistent/opsledger',
      env: { OPSLEDGER_URL: cli.url, OPSLEDGER_KEY: other.ownerSecret },
    });
    expect(JSON.parse(byEnv.stdout)).toHaveLength(1);
    const unreachable = await cli.run(['apps', 'list', '--url', await closedPortUrl()], team);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^opsledger: cannot reach the API: .*ECONNREFUSED/);
  });

  it('adds the detail behind a failure on stderr at OPSLEDGER_LOG_LEVEL=debug, never the key', async () => {
    const team = await cli.teamWithCredentials();
    const wrongKey = `${team.ownerSecret}x`;
    const args = ['apps', 'list', '--url', cli.url, '--key', wrongKey, '--json'];
    const quiet = await cli.run(args, team);
    const detailed = await cli.run(args, { ...team, env: { OPSLEDGER_LOG_LEVEL: 'debug' } });
    expect(detailed.code).toBe(1);
    expect(detailed.stdout).toBe('');
    const [said, ...logged] = detailed.stderr.trim().split('\n');
    expect(said).toBe(quiet.stderr.trim());
    expect(logged.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 20, msg: 'command failed', command: 'apps' }),
    ]);
    expect(detailed.stderr).toMatch(/"type":"TRPCClientError".*"stack":/);
    expect(detailed.stderr).not.toContain(team.ownerSecret);
    const wrong = await cli.run(args, { ...team, env: { OPSLEDGER_LOG_LEVEL: 'loud' } });
    expect(wrong.stderr).toMatch(/^opsledger: OPSLEDGER_LOG_LEVEL: must be one of /);
  });

  it('says where credentials come from when there are none', async () => {
    const result = await cli.run(['apps', 'list'], { dataDir: '/nonexistent/opsledger' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no API URL: pass --url/);
  });
});

describe('teams and apps', () => {
  it('creates a team and stores its owner key without changing the default team', async () => {
    const team = await cli.teamWithCredentials();
    const slug = `new-${team.slug}`;
    const wallet = newAppWallet();
    const did = wallet.address;
    const created = await cli.run(
      ['teams', 'create', '--slug', slug, '--name', 'New', '--json'],
      team,
    );
    expect(created.code).toBe(0);
    const output = JSON.parse(created.stdout);
    expect(output.team).toMatchObject({ slug, name: 'New' });

    const file = await readCredentials(team.dataDir);
    expect(file).toMatchObject({ team: team.slug, key: team.ownerSecret });
    expect(file?.teams[slug]).toBe(output.ownerKey.secret);

    const walletFile = await cli.walletFile(wallet);
    const app = await cli.run(
      ['apps', 'create', '--team', slug, '--did', `did:abt:${did}`, '--name', 'Shop', '--json'],
      team,
    );
    const proven = await cli.run(
      ['apps', 'create', '--team', slug, '--did', `did:abt:${did}`, '--name', 'Shop'].concat([
        '--wallet-secret-file',
        walletFile,
        '--json',
      ]),
      team,
    );
    expect(app).toMatchObject({ code: 1, stderr: expect.stringMatching(/--wallet-secret-file/) });
    expect(JSON.parse(proven.stdout)).toMatchObject({ did, name: 'Shop' });
    const inNewTeam = await cli.run(['apps', 'list', '--team', slug], team);
    expect(inNewTeam.stdout).toMatch(new RegExp(`${did}\\s+Shop`));
    const inDefaultTeam = await cli.run(['apps', 'list', '--json'], team);
    expect(JSON.parse(inDefaultTeam.stdout)).toEqual([]);

    const again = await cli.run(['teams', 'create', '--slug', slug, '--name', 'Again'], team);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/^opsledger: slug: /) });
  });
});
