/**
 * `pnpm chaos`: the hardening issue's attacks and outages against a real `next start` on
 * PostgreSQL, one line of figures per case. Every figure with a rule is checked; the run exits
 * non-zero when any case fails. Needs the production build (`pnpm --filter @opsledger/web
 * build`) and DATABASE_URL; CHAOS_PG_CLUSTER enables the PostgreSQL restart (see env.ts).
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { didSquatting } from './cases/did-squatting';
import { hugeBody } from './cases/huge-body';
import { killDuringIngest } from './cases/kill-server';
import { partitionFlood } from './cases/partition-flood';
import { restartDuringIngest } from './cases/pg-restart';
import { totpGuessing } from './cases/totp-guessing';
import { yearZero } from './cases/year-zero';
import type { ChaosContext } from './context';
import { readChaosEnv } from './env';
import { CaseReport } from './report/case-report';
import { ChaosServer } from './server/chaos-server';
import { ensureServing } from './server/ensure-serving';
import { Teams } from './setup/teams';

type Case = [title: string, run: (ctx: ChaosContext, report: CaseReport) => Promise<void>];

const CASES: Case[] = [
  ['kill -9 of the server during ingest', killDuringIngest],
  ['PostgreSQL restart during ingest', restartDuringIngest],
  ['partition flood', partitionFlood],
  ['year-0 times', yearZero],
  ['256 MB body', hugeBody],
  ['DID squatting', didSquatting],
  ['1,000 wrong TOTP codes', totpGuessing],
];

/** A case that has not finished by then is failed, and the run goes on with the next. */
const CASE_DEADLINE_MS = 120_000;

const began = Date.now();
const seconds = (since: number) => Math.round((Date.now() - since) / 1000);

async function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not finished within ${ms / 1000} s`)), ms);
  });
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function runCases(ctx: ChaosContext): Promise<CaseReport[]> {
  const reports: CaseReport[] = [];
  for (const [index, [title, run]] of CASES.entries()) {
    const report = new CaseReport(index + 1, title);
    const caseBegan = Date.now();
    if (ctx.env.cases && !ctx.env.cases.includes(report.number)) {
      report.skip('not in CHAOS_CASES');
      reports.push(report);
      continue;
    }
    try {
      // A case that leaves the server broken must not fail the ones after it.
      const restarted = await ensureServing(ctx);
      if (restarted) console.log(`chaos: the server did not answer; restarted it (${restarted})`);
      await withDeadline(run(ctx, report), CASE_DEADLINE_MS);
    } catch (error) {
      report.abort(error instanceof Error ? error.message : String(error));
    }
    console.log(`${report.line()} [${seconds(caseBegan)} s]`);
    reports.push(report);
  }
  return reports;
}

async function main(): Promise<number> {
  const env = readChaosEnv();
  console.log(`chaos: next start on PostgreSQL (${new URL(env.databaseUrl).host})`);
  const server = await ChaosServer.start(env.databaseUrl);
  let reports: CaseReport[] = [];
  try {
    const teams = await Teams.open(server.url, server.dataDir);
    reports = await runCases({ env, server, teams });
  } finally {
    const log = join(tmpdir(), `opsledger-chaos-${process.pid}.log`);
    await writeFile(log, server.output());
    await server.close();
    console.log(`chaos: the server's output is in ${log}`);
  }
  const count = (outcome: string) => reports.filter((r) => r.outcome === outcome).length;
  const failed = count('failed');
  console.log(
    `chaos: ${count('passed')} passed, ${failed} failed, ${count('skipped')} skipped ` +
      `of ${CASES.length} cases in ${seconds(began)} s`,
  );
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `chaos: FAILED to run: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
