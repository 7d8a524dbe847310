import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPortalCaller, signInToPortal } from '@opsledger/api/testing';

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

  it('resets a forgotten password: the printed one signs in, the old one and its session stop', async () => {
    const team = await cli.teamWithCredentials();
    const email = `cy-${team.slug}@people.example`;
    const add = ['members', 'add', '--email', email, '--role', 'member', '--json'];
    const first = JSON.parse((await cli.run(add, team)).stdout) as { password: string };
    const session = await signInToPortal(cli.api.database, email, first.password);

    const reset = await cli.run(
      ['members', 'reset-password', '--team', team.slug, '--email', email, '--json'],
      team,
    );
    expect(reset).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(reset.stdout) as { email: string; password: string };
    expect(Object.keys(output)).toEqual(['email', 'password']);
    expect(output.email).toBe(email);
    expect(await signInToPortal(cli.api.database, email, output.password)).not.toBeNull();
    expect(await signInToPortal(cli.api.database, email, first.password)).toBeNull();
    const oldSession = await createPortalCaller(cli.api.database, session ?? '', team.slug);
    await expect(oldSession.teams.current()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    const again = await cli.run(['members', 'reset-password', '--email', email], team);
    const printed = /new password \(shown once\): (\S+)\n/.exec(again.stdout)?.[1] ?? '';
    expect(again.stdout).toContain(`reset the password of ${email}; their sessions have ended`);
    expect(await signInToPortal(cli.api.database, email, printed)).not.toBeNull();
  });

  it('says why a reset is refused, naming the field', async () => {
    const team = await cli.teamWithCredentials();
    const result = await cli.run(
      ['members', 'reset-password', '--email', 'nobody@people.example'],
      team,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('email: member not found');
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
