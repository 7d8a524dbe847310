import { appendFile, mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AuditLogInput } from '@opsledger/domain';

import { startCliHarness } from '../testing/cli-harness';

let cli: Awaited<ReturnType<typeof startCliHarness>>;
beforeAll(async () => {
  cli = await startCliHarness();
});
afterAll(() => cli.close());

const entry = (n: number): AuditLogInput => ({
  scope: 'node',
  category: 'user',
  action: `action-${n}`,
  content: `event number ${n}`,
  actor: { did: 'z1alice' },
  env: {},
  occurredAt: `2026-01-${String(n).padStart(2, '0')}T10:00:00.000Z`,
});

/** A team with seq 1..6 and checkpoints at seq 3 and 6. */
async function signedTeam() {
  const team = await cli.teamWithCredentials();
  await team.owner.auditLogs.recordBatch({ items: [1, 2, 3].map(entry) });
  await cli.api.signCheckpoints();
  await team.owner.auditLogs.recordBatch({ items: [4, 5, 6].map(entry) });
  await cli.api.signCheckpoints();
  return team;
}

/** Runs SQL with the append-only trigger off, in one transaction nobody else sees half of. */
async function tamper(teamId: string, statements: string[]) {
  await cli.api.database.transaction(async ({ raw }) => {
    await raw.query('alter table events disable trigger events_append_only');
    for (const statement of statements) await raw.query(statement, [teamId]);
    await raw.query('alter table events enable trigger events_append_only');
  });
}

const verifyTeam = (team: { dataDir: string; slug: string }) =>
  cli.run(['verify', '--team', team.slug], team);

const bundleDir = () => mkdtemp(join(tmpdir(), 'opsledger-bundle-'));

describe('opsledger verify --team', () => {
  it('confirms an untouched chain and names its last checkpoint', async () => {
    const team = await signedTeam();
    const run = await verifyTeam(team);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The request log may add events of its own (this run's requests) after seq 6.
    expect(run.stdout).toMatch(/^OK: the chain holds \(\d+ events, seq 1\.\.\d+\)/);
    expect(run.stdout).toMatch(/last confirmed checkpoint: seq 6/);
  });

  const cases: [string, string[], number, RegExp][] = [
    [
      'a changed field',
      [`update events set content = 'edited' where team_id = $1 and seq = 4`],
      4,
      /hash does not match/,
    ],
    [
      'a deleted event',
      [`delete from events where team_id = $1 and seq = 4`],
      4,
      /seq 4 is missing/,
    ],
    [
      'an inserted event',
      [
        `insert into events select team_id, seq, occurred_at + interval '1 millisecond', gen_random_uuid(),
           stream, scope, category, 'forged', content, actor_did, actor_name, target_type, target_id,
           target_title, ip, user_agent, request_id, payload, null, prev_hash, hash, recorded_at
           from events where team_id = $1 and seq = 4`,
      ],
      4,
      /seq 4/,
    ],
    [
      'two swapped events',
      [
        `update events set seq = case seq when 4 then 5 else 4 end where team_id = $1 and seq in (4, 5)`,
      ],
      4,
      /seq 4: its (prev_hash does not link|hash does not match)/,
    ],
    [
      'a truncated tail',
      [`delete from events where team_id = $1 and seq >= 5`],
      5,
      /seq 5 is missing/,
    ],
  ];

  for (const [name, statements, seq, problem] of cases) {
    it(`catches ${name}, naming seq ${seq}`, async () => {
      const team = await signedTeam();
      await tamper(team.id, statements);
      const run = await verifyTeam(team);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`^FAILED at seq ${seq}: `));
      expect(run.stdout).toMatch(problem);
      expect(run.stdout).toMatch(/last confirmed checkpoint: seq 3/);
      expect(run.stderr).toMatch(`verification failed at seq ${seq}`);
    });
  }
});

describe('opsledger export --bundle and verify <bundle>', () => {
  it('writes plain NDJSON that verifies offline, and catches an edit to the file', async () => {
    const team = await signedTeam();
    const file = join(await bundleDir(), 'team.ndjson');
    const exported = await cli.run(['export', '--bundle', file], team);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/wrote 6 events and 2 checkpoints/);
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual([
      'header',
      'event',
      'event',
      'event',
      'checkpoint',
      'event',
      'event',
      'event',
      'checkpoint',
    ]);
    expect(lines[0].keys.length).toBeGreaterThan(0);

    // Offline: a data directory with no credentials, so no server could be reached.
    const offline = { dataDir: await bundleDir() };
    const good = await cli.run(['verify', file], offline);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^OK: the chain holds \(6 events, seq 1\.\.6\)/);

    const edited = (await readFile(file, 'utf8')).replace('event number 2', 'event number 9');
    const bad = join(await bundleDir(), 'edited.ndjson');
    await writeFile(bad, edited);
    const caught = await cli.run(['verify', bad], offline);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(/^FAILED at seq 2: seq 2: its hash does not match/);
    expect(caught.stdout).toMatch(/last confirmed checkpoint: none/);

    const cut = join(await bundleDir(), 'cut.ndjson');
    await writeFile(
      cut,
      `${lines
        .slice(0, 6)
        .map((l) => JSON.stringify(l))
        .join('\n')}\n`,
    );
    const short = await cli.run(['verify', cut], offline);
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(/^FAILED at seq 5: seq 5 is missing \(the chain ends at seq 6\)/);
  });

  it('refuses a bundle whose checkpoints were signed by a key other than the pinned ones', async () => {
    const team = await signedTeam();
    const dir = await bundleDir();
    const file = join(dir, 'team.ndjson');
    await cli.run(['export', '--bundle', file], team);
    const keysFile = join(dir, 'keys.json');
    const foreign = {
      id: 'ed25519:0000',
      algorithm: 'ed25519',
      publicKey: '11'.repeat(32),
      createdAt: '2026-01-01T00:00:00.000Z',
      retiredAt: null,
    };
    await writeFile(keysFile, JSON.stringify({ keys: [foreign] }));
    const run = await cli.run(['verify', file, '--keys', keysFile], { dataDir: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAILED at seq 3: the checkpoint at seq 3 names unknown key/);
  });

  it('exports a time range from the checkpoint before it, and it verifies', async () => {
    const team = await signedTeam();
    const file = join(await bundleDir(), 'range.ndjson');
    const run = await cli.run(
      [
        'export',
        '--bundle',
        file,
        '--from',
        '2026-01-05T00:00:00.000Z',
        '--to',
        '2026-01-05T23:59:59.000Z',
      ],
      team,
    );
    expect(run.code).toBe(0);
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].start.seq).toBe(3);
    expect(lines.filter((l) => l.type === 'event').map((l) => l.seq)).toEqual([4, 5]);
    const verified = await cli.run(['verify', file], team);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/OK: the chain holds \(2 events, seq 4\.\.5\)/);
    expect(verified.stdout).toMatch(/last confirmed checkpoint: seq 3/);
  });

  it('resumes an interrupted bundle into the same file a whole export writes', async () => {
    const team = await signedTeam();
    const dir = await bundleDir();
    const whole = join(dir, 'whole.ndjson');
    await cli.run(['export', '--bundle', whole], team);
    const text = await readFile(whole, 'utf8');
    const partial = join(dir, 'partial.ndjson');
    await writeFile(partial, text);
    // Cut mid-line, after the first checkpoint, as a killed export leaves it.
    await truncate(partial, text.indexOf('{"team":', text.indexOf('"checkpoint"')) + 20);
    const resumed = await cli.run(['export', '--bundle', partial, '--resume'], team);
    expect(resumed.code).toBe(0);
    expect(await readFile(partial, 'utf8')).toBe(text);
    await appendFile(partial, '');
    expect((await cli.run(['verify', partial], team)).code).toBe(0);
  });
});

describe('verify <bundle> on the bytes of a version-2 bundle', () => {
  /** A signed team's bundle, as its lines (text), and a writer of edited copies. */
  async function bundleOf() {
    const team = await signedTeam();
    const dir = await bundleDir();
    const file = join(dir, 'team.ndjson');
    await cli.run(['export', '--bundle', file], team);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const verifyLines = async (edited: string[]) => {
      const path = join(dir, `edited-${Math.random().toString(36).slice(2)}.ndjson`);
      await writeFile(path, `${edited.join('\n')}\n`);
      return cli.run(['verify', path], { dataDir: dir });
    };
    return { team, dir, file, lines, verifyLines };
  }

  it('carries each event as its canonical form with a fixed tail, readable as JSON', async () => {
    const { lines, team } = await bundleOf();
    const header = JSON.parse(lines[0] ?? '');
    expect(header.format).toBe('opsledger-bundle/2');
    const event = JSON.parse(lines[1] ?? '');
    expect(event).toMatchObject({
      type: 'event',
      team: team.id,
      seq: 1,
      content: 'event number 1',
    });
    expect(lines[1]).toMatch(/^\{"team":"[^"]+","seq":1,"id":/);
    expect(lines[1]).toMatch(/,"prevHash":"0{64}","hash":"[0-9a-f]{64}","type":"event"\}$/);
  });

  // Lines: 0 header, 1-3 seq 1-3, 4 checkpoint at 3, 5-7 seq 4-6, 8 checkpoint at 6.
  const edits: [string, (lines: string[]) => string[], RegExp][] = [
    [
      'a dropped event',
      (l) => [...l.slice(0, 5), ...l.slice(6)],
      /^FAILED at seq 4: seq 4 is missing/,
    ],
    [
      'an inserted (repeated) event',
      (l) => [...l.slice(0, 6), l[5] ?? '', ...l.slice(6)],
      /^FAILED at seq 4: seq 4 appears again/,
    ],
    [
      'two swapped events',
      (l) => [...l.slice(0, 5), l[6] ?? '', l[5] ?? '', ...l.slice(7)],
      /^FAILED at seq 4: seq 4 is missing \(the next event has seq 5\)/,
    ],
    [
      'a changed seq',
      (l) => l.map((line, i) => (i === 5 ? line.replace('"seq":4,', '"seq":5,') : line)),
      /^FAILED at seq 4: seq 4 is missing/,
    ],
    [
      'a hash replaced in the tail',
      (l) =>
        l.map((line, i) =>
          i === 5 ? line.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${'a'.repeat(64)}"`) : line,
        ),
      /^FAILED at seq 4: seq 4: its hash does not match/,
    ],
    [
      'a changed prev_hash',
      (l) =>
        l.map((line, i) =>
          i === 5
            ? line.replace(/"prevHash":"[0-9a-f]{64}"/, `"prevHash":"${'b'.repeat(64)}"`)
            : line,
        ),
      /^FAILED at seq 4: seq 4: its prev_hash does not link/,
    ],
    [
      'a key slipped into the tail (jq would read another content)',
      (l) => l.map((line, i) => (i === 5 ? line.replace(',"prevHash":"', ',"content" :"') : line)),
      /^FAILED at seq 4: seq 4: an event line out of the bundle's layout/,
    ],
    [
      'an event line rewritten as other JSON',
      (l) =>
        l.map((line, i) =>
          i === 5
            ? JSON.stringify({ ...JSON.parse(line), type: 'event' }, null, 1).replace(/\n/g, '')
            : line,
        ),
      /^FAILED at seq 4: /,
    ],
  ];
  for (const [name, edit, problem] of edits) {
    it(`catches ${name}, naming the seq`, async () => {
      const { lines, verifyLines } = await bundleOf();
      const run = await verifyLines(edit(lines));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(problem);
      expect(run.stdout).toMatch(/last confirmed checkpoint: seq 3/);
    });
  }

  it('still verifies a version-1 bundle (events as JSON objects), and will not resume one', async () => {
    const { lines, verifyLines, team, dir } = await bundleOf();
    const v1 = lines.map((line, i) => {
      const value = JSON.parse(line);
      if (i === 0) return JSON.stringify({ ...value, format: 'opsledger-bundle/1' });
      if (value.type !== 'event') return line;
      const { team: teamId, ...fields } = value;
      return JSON.stringify({ ...fields, type: 'event', teamId });
    });
    const good = await verifyLines(v1);
    expect(good.stdout).toMatch(/^OK: the chain holds \(6 events, seq 1\.\.6\)/);
    expect(good.code).toBe(0);
    const bad = await verifyLines(v1.map((l) => l.replace('event number 5', 'event number 7')));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^FAILED at seq 5: seq 5: its hash does not match/);

    const old = join(dir, 'old.ndjson');
    await writeFile(old, `${v1.join('\n')}\n`);
    const resumed = await cli.run(['export', '--bundle', old, '--resume'], team);
    expect(resumed.code).toBe(1);
    expect(resumed.stderr).toMatch(/opsledger-bundle\/1 bundle.*export it again without --resume/);
  });
});
