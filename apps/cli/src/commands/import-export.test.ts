import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createOpsLedgerClient } from '@opsledger/client';

import { startCliHarness } from '../testing/cli-harness';

let cli: Awaited<ReturnType<typeof startCliHarness>>;
beforeAll(async () => {
  cli = await startCliHarness();
});
afterAll(() => cli.close());

const BASE = Date.parse('2026-04-01T10:00:00.000Z');
const minute = (n: number) => new Date(BASE + n * 60_000).toISOString();

const auditLine = (n: number, overrides: object = {}) =>
  JSON.stringify({
    scope: 'z1app',
    category: n % 2 === 0 ? 'user' : 'config',
    action: `action-${n}`,
    content: n % 3 === 0 ? 'rotated the signing key' : `change ${n}`,
    actor: { did: 'z1alice', fullName: 'Alice, Ops' },
    occurredAt: minute(n),
    ...overrides,
  });

const ndjson = (lines: string[]) => `${lines.join('\n')}\n`;

async function fileOf(dataDir: string, name: string, lines: string[]): Promise<string> {
  const path = join(dataDir, name);
  await writeFile(path, ndjson(lines));
  return path;
}

const counts = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');

async function auditTotal(secret: string): Promise<number> {
  const client = createOpsLedgerClient({ url: cli.url, key: secret, retry: false });
  return (await client.auditLogs.list.query({ page: 1, pageSize: 1 })).paging.total;
}

describe('import', () => {
  it('reports a bad line by number and field and writes nothing of its batch', async () => {
    const team = await cli.teamWithCredentials();
    const lines = [auditLine(1), auditLine(2), auditLine(3, { actor: { fullName: 'no did' } })];
    const file = await fileOf(team.dataDir, 'bad.ndjson', [...lines, '', '{not json']);
    const result = await cli.run(['import', '--stream', 'audit', file], team);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 3: actor.did: ');
    expect(result.stderr).toContain('line 5: is not valid JSON');
    expect(counts(result.stdout)).toEqual({ read: 4, inserted: 0, duplicates: 0, rejected: 4 });
    expect(await auditTotal(team.ownerSecret)).toBe(0);
  });

  it('writes the batches before a bad one and none of the bad batch', async () => {
    const team = await cli.teamWithCredentials();
    const lines = Array.from({ length: 1005 }, (_, i) => auditLine(i + 1));
    lines[1002] = auditLine(1003, { ip: '999.1.1.1' });
    const file = await fileOf(team.dataDir, 'big.ndjson', lines);
    const result = await cli.run(['import', '--stream', 'audit', file], team);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 1003: ip: ');
    expect(result.stderr).toContain('lines 1001-1005 not written');
    expect(counts(result.stdout)).toEqual({
      read: 1005,
      inserted: 1000,
      duplicates: 0,
      rejected: 5,
    });
    expect(await auditTotal(team.ownerSecret)).toBe(1000);
  });

  it('records nothing twice when the same file is imported again', async () => {
    const team = await cli.teamWithCredentials();
    const file = await fileOf(
      team.dataDir,
      'good.ndjson',
      Array.from({ length: 7 }, (_, i) => auditLine(i + 1)),
    );
    const first = await cli.run(['import', '--stream', 'audit', file], team);
    expect(first.code).toBe(0);
    expect(counts(first.stdout)).toEqual({ read: 7, inserted: 7, duplicates: 0, rejected: 0 });
    const again = await cli.run(['import', '--stream', 'audit', file], team);
    expect(counts(again.stdout)).toEqual({ read: 7, inserted: 0, duplicates: 7, rejected: 0 });
    expect(await auditTotal(team.ownerSecret)).toBe(7);
  });

  it('reads standard input and checks the event type against the stream', async () => {
    const team = await cli.teamWithCredentials();
    const event = { module: 'auth', name: 'login', requesterIP: '10.0.0.1' };
    const stdin = ndjson([JSON.stringify(event), JSON.stringify({ ...event, type: 'system' })]);
    const mixed = await cli.run(['import', '--stream', 'user', '-'], { ...team, stdin });
    expect(mixed.stderr).toContain('line 2: type: is system, but --stream is user');
    const user = await cli.run(['import', '--stream', 'user'], {
      ...team,
      stdin: ndjson([JSON.stringify(event)]),
    });
    expect(counts(user.stdout)).toMatchObject({ inserted: 1, rejected: 0 });
    // User events are also the API's request log: the CLI's own requests may stand beside it.
    const exported = await cli.run(['export', '--stream', 'user'], team);
    const lines = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; module: string });
    expect(lines.filter((line) => line.module === 'auth')).toEqual([
      expect.objectContaining({ type: 'user', module: 'auth', name: 'login' }),
    ]);
    expect(
      lines.every((line) => line.type === 'user' && ['auth', 'API'].includes(line.module)),
    ).toBe(true);
  });

  it('names the line of an item the API refuses', async () => {
    const team = await cli.teamWithCredentials();
    const hit = { appDid: 'zNoSuchApp', path: '/', status: 200 };
    const file = await fileOf(team.dataDir, 'traffic.ndjson', [JSON.stringify(hit)]);
    const result = await cli.run(['import', '--stream', 'traffic', file], team);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/lines 1-1 not written: .*appDid/);
  });
});

describe('export', () => {
  it('streams every row through the keyset pages, newest first, filtered like the list', async () => {
    const team = await cli.teamWithCredentials();
    const file = await fileOf(
      team.dataDir,
      'audit.ndjson',
      Array.from({ length: 250 }, (_, i) => auditLine(i + 1)),
    );
    expect((await cli.run(['import', '--stream', 'audit', file], team)).code).toBe(0);

    const all = await cli.run(['export', '--stream', 'audit', '--format', 'ndjson'], team);
    const rows = all.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((row) => row.id)).size).toBe(250);
    expect(rows[0]).toMatchObject({ action: 'action-250', createdAt: minute(250) });
    expect(rows.at(-1)).toMatchObject({ action: 'action-1' });

    const filtered = await cli.run(
      [
        'export',
        '--stream',
        'audit',
        '--category',
        'user',
        '--q',
        'signing key',
        '--from',
        minute(100),
        '--to',
        minute(200),
      ],
      team,
    );
    const actions = filtered.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).action);
    const expected = Array.from({ length: 101 }, (_, i) => 200 - i)
      .filter((n) => n % 6 === 0)
      .map((n) => `action-${n}`);
    expect(actions).toEqual(expected);
  });

  it('writes CSV with a header row and nested objects as JSON', async () => {
    const team = await cli.teamWithCredentials();
    const file = await fileOf(team.dataDir, 'two.ndjson', [auditLine(1), auditLine(2)]);
    await cli.run(['import', '--stream', 'audit', file], team);
    const csv = await cli.run(
      ['export', '--stream', 'audit', '--format', 'csv', '--category', 'user'],
      team,
    );
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header?.split(',')).toEqual([
      'id',
      'seq',
      'hash',
      'scope',
      'category',
      'action',
      'content',
      'actor',
      'env',
      'ip',
      'ua',
      'componentDid',
      'createdAt',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(',action-2,change 2,');
    expect(rows[0]).toContain('"{""did"":""z1alice"",""role"":null,""fullName"":""Alice, Ops""');
  });

  it('exports runs and an empty stream with its header', async () => {
    const team = await cli.teamWithCredentials();
    const { did: appDid } = await team.addApp({ name: 'Synced' });
    for (const status of ['succeeded', 'failed', 'succeeded'] as const) {
      await team.owner.syncs.create({ appDid, source: 'a', target: 'b', status });
    }
    const syncs = await cli.run(
      ['export', '--stream', 'syncs', '--app', appDid, '--status', 'succeeded'],
      team,
    );
    expect(syncs.code).toBe(0);
    const statuses = syncs.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).status);
    expect(statuses).toEqual(['succeeded', 'succeeded']);

    const empty = await cli.run(['export', '--stream', 'backups', '--format', 'csv'], team);
    expect(empty.stdout).toMatch(/^id,appDid,/);
    expect(empty.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exports activities, passport logs and traffic with their own filters', async () => {
    const team = await cli.teamWithCredentials();
    const activity = (n: number, companyId: string, keypoint: boolean) =>
      JSON.stringify({
        sourceId: `page-${n}`,
        sequenceKey: `seq-${n}`,
        companyId,
        keypoint,
        resourceTitle: `Page ${n}`,
        resourceType: 'WEBSITE',
        occurredAt: minute(n),
      });
    const activities = [activity(1, 'acme', true), activity(2, 'acme', false)];
    await cli.run(['import', '--stream', 'activity', '-'], { ...team, stdin: ndjson(activities) });
    await cli.run(['import', '--stream', 'activity', '-'], {
      ...team,
      stdin: ndjson([activity(3, 'globex', true)]),
    });
    const keypoints = await cli.run(
      ['export', '--stream', 'activity', '--company-id', 'acme', '--keypoint'],
      team,
    );
    expect(
      keypoints.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).sourceId),
    ).toEqual(['page-1']);

    const passport = (passportId: string, action: string) =>
      JSON.stringify({ passportId, action, operatorDid: 'z1admin' });
    await cli.run(['import', '--stream', 'passport', '-'], {
      ...team,
      stdin: ndjson([
        passport('p-1', 'issued'),
        passport('p-2', 'issued'),
        passport('p-1', 'used'),
      ]),
    });
    const p1 = await cli.run(['export', '--stream', 'passport', '--passport-id', 'p-1'], team);
    expect(
      p1.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).action),
    ).toEqual(['used', 'issued']);

    const { did: appDid } = await team.addApp({ name: 'Visited' });
    const hit = (path: string, status: number) =>
      JSON.stringify({ appDid, path, status, occurredAt: '2026-04-02T09:00:00.000Z' });
    const ingested = await cli.run(['import', '--stream', 'traffic', '-'], {
      ...team,
      stdin: ndjson([hit('/', 200), hit('/missing', 404), hit('/', 200)]),
    });
    expect(counts(ingested.stdout)).toMatchObject({ inserted: 3, rejected: 0 });
    const insights = await cli.run(
      ['export', '--stream', 'traffic', '--app', appDid, '--start-date', '2026-04-02'],
      team,
    );
    expect(JSON.parse(insights.stdout)).toMatchObject({
      did: appDid,
      date: '2026-04-02',
      totalRequests: 3,
    });
  });

  it('refuses a filter the stream does not have and names a bad flag value', async () => {
    const team = await cli.teamWithCredentials();
    const wrong = await cli.run(['export', '--stream', 'backups', '--scope', 'x'], team);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^opsledger: --scope: not a filter of the backups stream/);
    const inverted = await cli.run(
      ['export', '--stream', 'audit', '--from', minute(2), '--to', minute(1)],
      team,
    );
    expect(inverted.stderr).toMatch(/^opsledger: --to: must not be before from/);
    const day = await cli.run(['export', '--stream', 'traffic', '--start-date', 'May 1'], team);
    expect(day.stderr).toMatch(/^opsledger: --start-date: /);
  });
});
