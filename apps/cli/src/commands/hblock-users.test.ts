import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startCliHarness } from '../testing/cli-harness';

let cli: Awaited<ReturnType<typeof startCliHarness>>;
beforeAll(async () => {
  cli = await startCliHarness();
});
afterAll(() => cli.close());

/** One signed HBlock event read, as docs/hblock.md shows it. */
async function listEvents(userName: string, secret: string) {
  const target = '/rest/v1/system/event?number=10';
  const date = new Date().toUTCString();
  const signature = createHmac('sha256', secret).update(`GET\n${date}\n${target}`).digest('base64');
  const response = await fetch(cli.url + target, {
    headers: { date, authorization: `HBlock ${userName}:${signature}` },
  });
  return response.status;
}

describe('hblock-users', () => {
  it('creates a user whose --json output is exactly {userName, secret} and whose secret signs', async () => {
    const team = await cli.teamWithCredentials();
    const name = `ops-${team.slug}`;
    const created = await cli.run(
      ['hblock-users', 'create', '--team', team.slug, '--name', name, '--json'],
      team,
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(created.stdout);
    expect(Object.keys(output)).toEqual(['userName', 'secret']);
    expect(output.userName).toBe(name);
    expect(await listEvents(output.userName, output.secret)).toBe(200);

    const listed = await cli.run(['hblock-users', 'list', '--json'], team);
    const users = JSON.parse(listed.stdout) as { userName: string; role: string }[];
    expect(users).toEqual([expect.objectContaining({ userName: name, role: 'viewer' })]);

    const revoked = await cli.run(['hblock-users', 'revoke', name], team);
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked HBlock user ${name}\n` });
    expect(await listEvents(output.userName, output.secret)).toBe(401);
  });

  it('reports a taken name by field, in one line and exit code 1', async () => {
    const team = await cli.teamWithCredentials();
    const name = `taken-${team.slug}`;
    expect((await cli.run(['hblock-users', 'create', '--name', name], team)).code).toBe(0);
    const again = await cli.run(['hblock-users', 'create', '--name', name, '--json'], team);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toMatch(/^opsledger: name: /);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a role the API does not know', async () => {
    const team = await cli.teamWithCredentials();
    const result = await cli.run(['hblock-users', 'create', '--name', 'x', '--role', 'god'], team);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--role/);
  });
});
