import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createCaller } from '@opsledger/api';
import { serveApi } from '@opsledger/api/testing';
import type { Database } from '@opsledger/db';

import { formatCount, formatMs, type BenchResult } from '../measure/report';
import { interleavedMedians, median } from '../measure/stats';
import { runChild, type ChildRun } from './child-process';

const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));
const CLI_BIN = fileURLToPath(new URL('../../../apps/cli/bin/opsledger.mjs', import.meta.url));
const PAGE_SIZE = 50;
const MB = 1024 * 1024;
const VERIFY_RUNS = 3;

/**
 * The CLI's bin as `node_modules/.bin/opsledger` runs it (its build in apps/cli/dist, which
 * benchBundle makes first as `pnpm build` does), in a process of its own so its memory is its own.
 */
const cli = (args: string[], env: NodeJS.ProcessEnv) =>
  runChild(process.execPath, [CLI_BIN, ...args], env);

export interface TrustBenchInput {
  database: Database;
  teamId: string;
  viewerKey: string;
  eventCount: number;
  /** The newest-50 page the search is compared with. */
  firstPage: () => Promise<unknown>;
}

/**
 * (d) search: a phrase search of the audit log at `eventCount` events against the newest-50 page
 * (the same in-process caller, medians interleaved). The phrase is one a person remembers of one
 * event ("request 4242" plus its verb), which matches a handful of rows; a phrase most rows
 * share is reported beside it.
 */
export async function benchSearch(input: TrustBenchInput): Promise<BenchResult> {
  const reader = await createCaller(input.database, input.viewerKey);
  const rare = '"request 4242"';
  const common = '"ran login on component"';
  const search = (q: string) => () => reader.auditLogs.scroll({ limit: PAGE_SIZE, q });
  const found = await search(rare)();
  const faults = found.items.every((item) => item.content.includes('(request 4242)'))
    ? []
    : ['the phrase search returned rows without the phrase'];
  if (found.items.length === 0) faults.push('the phrase search found nothing');
  const samples = 100;
  const [pageMs, rareMs, commonMs] = (await interleavedMedians(
    [input.firstPage, search(rare), search(common)],
    { warmUp: 10, samples },
  )) as [number, number, number];
  return {
    name: '(d) phrase search',
    figures:
      `auditLogs.scroll q=${rare} at ${formatCount(input.eventCount)} events: ${formatMs(rareMs)} ` +
      `(${found.items.length} rows), newest 50 ${formatMs(pageMs)} (median of ${samples})`,
    ratio: rareMs / pageMs,
    ratioOf: 'phrase search / newest 50',
    target: { comparison: '<=', value: 5 },
    faults,
    details: [`a phrase most rows share, q=${common}: ${formatMs(commonMs)}`],
  };
}

/**
 * `opsledger verify <bundle>` and `sha256sum` of the same file in turns, `VERIFY_RUNS` times:
 * their medians, verify's last run, and `pnpm opsledger verify` once (pnpm's own start-up on top).
 */
async function timeVerify(file: string, env: NodeJS.ProcessEnv) {
  const runs = { verify: [] as ChildRun[], sha256sum: [] as number[] };
  for (let run = 0; run < VERIFY_RUNS; run++) {
    runs.verify.push(await cli(['verify', file], env));
    runs.sha256sum.push((await runChild('sha256sum', [file])).ms);
  }
  const throughPnpm = await runChild(
    'pnpm',
    ['--silent', 'opsledger', 'verify', file],
    env,
    REPOSITORY,
  );
  return {
    verifyMs: median(runs.verify.map((run) => run.ms)),
    sha256sumMs: median(runs.sha256sum),
    last: runs.verify.at(-1) as ChildRun,
    throughPnpm,
  };
}

/**
 * (e) export and (f) verify: the team's whole chain to a bundle through the HTTP API with the
 * CLI (peak RSS of the CLI process), then `opsledger verify <bundle>` offline against
 * `sha256sum` of the same file. Both CLI figures include its start-up, as a user sees it.
 */
export async function benchBundle(input: TrustBenchInput): Promise<BenchResult[]> {
  const built = await runChild('pnpm', ['--filter', '@opsledger/cli', 'build'], {}, REPOSITORY);
  if (built.code !== 0) throw new Error(`the CLI's build failed: ${built.stderr.trim()}`);
  const served = await serveApi(input.database);
  const dir = mkdtempSync(join(tmpdir(), 'opsledger-bundle-bench-'));
  const file = join(dir, 'team.ndjson');
  try {
    const env = {
      OPSLEDGER_DATA_DIR: dir,
      OPSLEDGER_URL: served.url,
      OPSLEDGER_KEY: input.viewerKey,
    };
    const exported = await cli(['export', '--bundle', file], env);
    const bytes = statSync(file).size;
    const exportFaults =
      exported.code === 0 ? [] : [`export exited ${exported.code}: ${exported.stderr.trim()}`];
    const timing = await timeVerify(file, { OPSLEDGER_DATA_DIR: dir });
    const verified = timing.last;
    const verifyFaults =
      verified.code === 0 ? [] : [`verify exited ${verified.code}: ${verified.stdout.trim()}`];
    if (timing.throughPnpm.code !== 0) {
      verifyFaults.push(`pnpm opsledger verify exited ${timing.throughPnpm.code}`);
    }
    const peakMb = (exported.peakRssBytes ?? Number.NaN) / MB;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return [
      {
        name: '(e) export bundle',
        figures:
          `${formatCount(input.eventCount)} events to ${(bytes / MB).toFixed(0)} MB of NDJSON through ` +
          `the HTTP API in ${seconds(exported.ms)}, CLI peak RSS ${peakMb.toFixed(0)} MB`,
        ratio: peakMb,
        ratioOf: 'peak RSS in MB',
        target: { comparison: '<=', value: 200 },
        faults: exportFaults,
      },
      {
        name: '(f) verify bundle',
        figures:
          `node_modules/.bin/opsledger verify of ${formatCount(input.eventCount)} events offline ` +
          `${seconds(timing.verifyMs)}, sha256sum of the same ${(bytes / MB).toFixed(0)} MB ` +
          `${seconds(timing.sha256sumMs)} (medians of ${VERIFY_RUNS})`,
        ratio: timing.verifyMs / timing.sha256sumMs,
        ratioOf: 'verify / sha256sum',
        target: { comparison: '<=', value: 2 },
        faults: verifyFaults,
        details: [
          `verify said: ${verified.stdout.trim().split('\n')[0]}`,
          `pnpm opsledger verify (pnpm's own start-up included), once: ` +
            `${seconds(timing.throughPnpm.ms)}, ${(timing.throughPnpm.ms / timing.sha256sumMs).toFixed(2)}x sha256sum`,
        ],
      },
    ];
  } finally {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
