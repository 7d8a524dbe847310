import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { env, inheritedEnv } from './env';
import { benchIngest } from './ingest/ingest-bench';
import { benchList } from './list/list-bench';
import { benchUnderLoad } from './load/load-bench';
import { formatResult, passed, type BenchResult } from './measure/report';
import { timed } from './measure/stats';
import { benchFirstLoadJs } from './portal/first-load-js';
import { benchAuditLogPage } from './portal/page-bench';
import { scaleMain } from './scale/scale-main';
import { openBenchDatabase } from './setup/bench-database';
import { benchSummary } from './summary/summary-bench';
import { benchBundle, benchSearch } from './trust/trust-bench';
import { benchWorker } from './worker/worker-bench';

/**
 * Sizes per database. PostgreSQL gets the sizes the issue names; the embedded PGlite, a single
 * process with the benchmark itself, smaller ones that keep `pnpm bench` within minutes.
 */
const SIZES = {
  postgres: { ingestRowsPerRound: 100_000, listEvents: 1_000_000 },
  pglite: { ingestRowsPerRound: 20_000, listEvents: 200_000 },
} as const;

const WEB_DIR = fileURLToPath(new URL('../../apps/web', import.meta.url));

async function main() {
  const bench = await openBenchDatabase(env.databaseUrl);
  const sizes = {
    ...SIZES[bench.database.kind],
    ...(env.listEvents === undefined ? {} : { listEvents: env.listEvents }),
  };
  console.log(`OpsLedger benchmarks on ${bench.description}`);
  const results: BenchResult[] = [];
  const report = (result: BenchResult) => {
    results.push(result);
    console.log(formatResult(result));
  };
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const { ms, result } = await timed(work);
    process.stderr.write(`  ${name} took ${(ms / 1000).toFixed(0)} s\n`);
    return result;
  };
  const { ms } = await timed(async () => {
    try {
      if (env.runs('api')) {
        report(await phase('(a)', () => benchIngest(bench.database, sizes.ingestRowsPerRound)));
      }
      if (env.runs('api') || env.runs('trust')) {
        const list = await phase('(b)', () => benchList(bench.database, sizes.listEvents));
        report(list.result);
        if (env.runs('api')) {
          report(await phase('(c)', () => benchSummary(bench.database, list.firstPage)));
        }
        if (env.runs('trust')) {
          const trust = {
            database: bench.database,
            teamId: list.team.id,
            viewerKey: list.viewerKey,
            eventCount: sizes.listEvents,
            firstPage: list.firstPage,
          };
          report(await phase('(d)', () => benchSearch(trust)));
          for (const result of await phase('(e, f)', () => benchBundle(trust))) report(result);
        }
      }
      if (env.runs('worker')) {
        for (const result of await phase('(g-j)', () => benchWorker(env.workerSizes))) {
          report(result);
        }
      }
      if (env.runs('portal')) {
        report(benchFirstLoadJs(join(WEB_DIR, '.next')));
        if (bench.url) {
          const target = { database: bench.database, url: bench.url };
          report(
            await phase('(l)', () =>
              benchAuditLogPage(WEB_DIR, target, sizes.listEvents, inheritedEnv(), env.portalPort),
            ),
          );
        } else {
          console.log(
            '(l) audit-log page: skipped, it needs PostgreSQL (DATABASE_URL): a `next start` of' +
              ' its own cannot open the embedded PGlite this process holds',
          );
        }
      }
      if (env.runs('load')) {
        report(await phase('(m)', () => benchUnderLoad(bench.url)));
      }
    } finally {
      await bench.dispose();
    }
  });
  const met = results.filter(passed).length;
  console.log(`${met} of ${results.length} targets met, in ${(ms / 1000).toFixed(0)} s`);
}

// `pnpm bench --scale` grows a database to millions of events instead: minutes to an hour.
(process.argv.includes('--scale') ? scaleMain() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
