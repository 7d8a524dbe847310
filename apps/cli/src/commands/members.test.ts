import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { signInToPortal } from '@opsledger/api/testing';

import { startCliHarness } from '../testing/cli-harness';

let cli: Awaited<ReturnType<typeof startCliHarness>>;
beforeAll(async () => {
  cli = await startCliHarness();
});
afterAll(() => cli.close());

describe('members', () => {
  it('adds a person whose printed initial password signs them in to the portal', async () => {
    const team = await cli.teamWithCredentials();
    const email = `ana-${team.slug}@people.example`;
    const added = await cli.run(
      ['members', 'add', '--team', team.slug, '--email', email, '--role', 'viewer', '--json'],
      team,
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(added.stdout) as { email: string; password: string };
    expect(Object.keys(output)).toEqual(['email', 'password']);
    expect(output.email).toBe(email);
    expect(await signInToPortal(cli.api.database, email, output.password)).not.toBeNull();

    const listed = await cli.run(['members', 'list', '--json'], team);
    const members = JSON.parse(listed.stdout) as { email: string; role: string }[];
    expect(members.find((member) => member.email === email)?.role).toBe('viewer');
  });

  it('adds someone who already signs in to a second team, without a new password', async () => {
    const first = await cli.teamWithCredentials();
    const second = await cli.teamWithCredentials();
    const email = `bo-${first.slug}@people.example`;
    await cli.run(['members', 'add', '--email', email, '--role', 'member', '--json'], first);
    const again = await cli.run(
      ['members', 'add', '--email', email, '--role', 'admin', '--json'],
      second,
    );
    expect(JSON.parse(again.stdout)).toEqual({ email, password: null });
  });

  it('names the field when the address is not one', async () => {
    const team = await cli.teamWithCredentials();
    const result = await cli.run(
      ['members', 'add', '--email', 'not-an-address', '--role', 'viewer'],
      team,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/email/);
  });
});
