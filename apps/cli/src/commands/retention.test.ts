import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startCliHarness } from '../testing/cli-harness';

let cli: Awaited<ReturnType<typeof startCliHarness>>;
beforeAll(async () => {
  cli = await startCliHarness();
});
afterAll(() => cli.close());

describe('retention', () => {
  it('shows the defaults, sets a limit and keep-forever, as JSON and as a table', async () => {
    const team = await cli.teamWithCredentials();
    const teamFlag = ['--team', team.slug];
    const shown = await cli.run(['retention', 'show', ...teamFlag, '--json'], team);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(shown.stdout).policies).toContainEqual({
      stream: 'user',
      days: 183,
      isDefault: true,
    });

    const set = await cli.run(
      ['retention', 'set', ...teamFlag, '--stream', 'audit', '--days', '400', '--json'],
      team,
    );
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout).policies).toContainEqual({
      stream: 'audit',
      days: 400,
      isDefault: false,
    });

    const forever = await cli.run(
      ['retention', 'set', ...teamFlag, '--stream', 'traffic', '--keep-forever'],
      team,
    );
    expect(forever.code).toBe(0);
    expect(forever.stdout).toMatch(/^traffic\s+forever\s+owner$/m);
    expect(forever.stdout).toMatch(/^audit\s+400 days\s+owner$/m);
    expect(forever.stdout).toMatch(/^user\s+183 days\s+default$/m);
  });

  it('refuses a missing or doubled choice, a bad number and an unknown stream', async () => {
    const team = await cli.teamWithCredentials();
    const set = (...more: string[]) => cli.run(['retention', 'set', ...more], team);
    expect(await set('--stream', 'user')).toMatchObject({
      code: 1,
      stderr: 'opsledger: give either --days <n> or --keep-forever\n',
    });
    expect((await set('--stream', 'user', '--days', '3', '--keep-forever')).code).toBe(1);
    expect((await set('--stream', 'user', '--days', 'ten')).stderr).toContain('--days');
    const zero = await set('--stream', 'user', '--days', '0');
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain('days');
    const unknown = await set('--stream', 'logs', '--days', '3');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('stream');
  });

  it('runs retention and says what it removed', async () => {
    const team = await cli.teamWithCredentials();
    const run = await cli.run(['retention', 'run', '--json'], team);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({
      droppedMonths: expect.any(Array),
      prunedTrafficHits: expect.any(Number),
    });
  });
});

describe('access-logs', () => {
  it("sets, lists and removes an app's access log", async () => {
    const team = await cli.teamWithCredentials();
    const { did } = await team.addApp({ name: 'Website' });
    const set = await cli.run(
      ['access-logs', 'set', '--app', did, '--path', '/var/log/site.log'],
      team,
    );
    expect(set).toMatchObject({ code: 0, stdout: `${did} tails /var/log/site.log\n` });
    const listed = await cli.run(['access-logs', 'list', '--json'], team);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ appDid: did, path: '/var/log/site.log' }),
    ]);
    expect((await cli.run(['access-logs', 'set', '--app', did], team)).stderr).toContain(
      'give either --path <file> or --remove',
    );
    expect((await cli.run(['access-logs', 'set', '--app', did, '--remove'], team)).code).toBe(0);
    expect(JSON.parse((await cli.run(['access-logs', 'list', '--json'], team)).stdout)).toEqual([]);
  });
});
