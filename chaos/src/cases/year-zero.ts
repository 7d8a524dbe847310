import type { ChaosContext } from '../context';
import { trpcMutation, trpcQuery, type Answer } from '../http/call';
import { LeakTally } from '../http/leaks';
import { OtherTeamReader } from '../reads/other-team-reader';
import type { CaseReport } from '../report/case-report';

const YEAR_ZERO = '0000-01-01T00:00:00Z';
/** Year 1 in a zone ahead of UTC: year 0 in UTC, which PostgreSQL cannot store either. */
const YEAR_ONE_AHEAD = '0001-01-01T00:00:00+14:00';
/** Long enough for any refusal; the bug this catches held a connection for 120 s. */
const PROBE_TIMEOUT_MS = 10_000;

type Probe = [name: string, send: () => Promise<Answer>];

function probes(url: string, key: string, appDid: string): Probe[] {
  const read = (path: string, input: unknown) => () =>
    trpcQuery(url, key, path, input, PROBE_TIMEOUT_MS);
  const write = (path: string, input: unknown) => () =>
    trpcMutation(url, key, path, input, PROBE_TIMEOUT_MS);
  const auditItem = { scope: 'chaos', category: 'y0', action: 'write', actor: { did: 'zY0' } };
  return [
    ['auditLogs.list{from:0000}', read('auditLogs.list', { from: YEAR_ZERO })],
    ['auditLogs.list{from:0001+14}', read('auditLogs.list', { from: YEAR_ONE_AHEAD })],
    ['auditLogs.list{to:0000}', read('auditLogs.list', { to: YEAR_ZERO })],
    // Passport lists take no time filter (an unknown key is ignored): their time is written.
    [
      'passportLogs.record{occurredAt:0000}',
      write('passportLogs.record', { passportId: 'p-y0', action: 'use', occurredAt: YEAR_ZERO }),
    ],
    [
      'activities.list{createdAtAfter:0000}',
      read('activities.list', { filter: { createdAtAfter: YEAR_ZERO } }),
    ],
    ['backups.list{from:0000}', read('backups.list', { from: YEAR_ZERO })],
    ['backups.summary{from:0000}', read('backups.summary', { from: YEAR_ZERO })],
    ['traffic.insights{startDate:0000}', read('traffic.insights', { startDate: '0000-01-01' })],
    [
      'auditLogs.recordBatch{occurredAt:0000}',
      write('auditLogs.recordBatch', { items: [{ ...auditItem, occurredAt: YEAR_ZERO }] }),
    ],
    [
      'traffic.ingest{occurredAt:0000}',
      write('traffic.ingest', {
        items: [{ appDid, path: '/', status: 200, occurredAt: YEAR_ZERO }],
      }),
    ],
  ];
}

/**
 * Case 4: times PostgreSQL cannot store, in reads and writes of the streams, the runs and the
 * traffic. Each must be a prompt 4xx (never a 5xx, an acceptance, or a hang), and another
 * team's reads must keep answering.
 */
export async function yearZero(ctx: ChaosContext, report: CaseReport): Promise<void> {
  const demo = ctx.teams.demo;
  const [app] = await demo.owner.apps.list.query();
  if (!app) return report.abort('the demo team has no app for traffic.ingest');
  const bystander = await ctx.teams.create('y0-bystander');
  const reader = new OtherTeamReader(ctx.server.url, await bystander.keyOf('viewer'));

  const wrong: string[] = [];
  const counts = { '4xx': 0, '5xx': 0, unanswered: 0, accepted: 0 };
  const leaks = new LeakTally();
  let slowest = 0;
  reader.start(180_000);
  const list = probes(ctx.server.url, demo.ownerKey, app.did);
  for (const [name, send] of list) {
    const answer = await send();
    slowest = Math.max(slowest, answer.ms);
    if (answer.status !== 200) leaks.check(answer.text);
    if (typeof answer.status !== 'number') counts.unanswered++;
    else if (answer.status >= 500) counts['5xx']++;
    else if (answer.status >= 400) counts['4xx']++;
    else counts.accepted++;
    if (typeof answer.status !== 'number' || answer.status < 400 || answer.status >= 500) {
      wrong.push(`${name}=${answer.status}`);
    }
  }
  const reads = await reader.stop();

  report.note('probes', list.length);
  report.expect(
    '4xx',
    counts['4xx'],
    counts['4xx'] === list.length,
    `every probe: ${wrong.join(',')}`,
  );
  report.expectZero('5xx', counts['5xx']);
  report.expectZero('unanswered_in_10s', counts.unanswered);
  report.expectZero('accepted', counts.accepted);
  report.expect('leaks', leaks.count, leaks.count === 0, leaks.rule);
  report.note('slowest_ms', slowest);
  report.note('other_team_reads', reads.reads);
  report.expectZero('other_team_errors', reads.errors);
}
