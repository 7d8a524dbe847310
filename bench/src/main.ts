import { env } from './env';
import { benchIngest } from './ingest/ingest-bench';
import { benchList } from './list/list-bench';
import { formatResult, passed, type BenchResult } from './measure/report';
import { timed } from './measure/stats';
import { openBenchDatabase } from './setup/bench-database';
import { benchSummary } from './summary/summary-bench';
import { benchBundle, benchSearch } from './trust/trust-bench';

/**
 * Sizes per database. PostgreSQL gets the sizes the issue names; the embedded PGlite, a single
 * process with the benchmark itself, smaller ones that keep `pnpm bench` within minutes.
 */
const SIZES = {
  postgres: { ingestRowsPerRound: 100_000, listEvents: 1_000_000 },
  pglite: { ingestRowsPerRound: 20_000, listEvents: 200_000 },
} as const;

/** BENCH_ONLY=list-trust skips (a) and (c): the list team's cases alone. */
const listAndTrustOnly = env.only === 'list-trust';

async function main() {
  const bench = await openBenchDatabase(env.databaseUrl);
  const sizes = {
    ...SIZES[bench.database.kind],
    ...(env.events === undefined ? {} : { listEvents: env.events }),
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
      if (!listAndTrustOnly) {
        report(await phase('(a)', () => benchIngest(bench.database, sizes.ingestRowsPerRound)));
      }
      const list = await phase('(b)', () => benchList(bench.database, sizes.listEvents));
      report(list.result);
      if (!listAndTrustOnly) {
        report(await phase('(c)', () => benchSummary(bench.database, list.firstPage)));
      }
      const trust = {
        database: bench.database,
        teamId: list.team.id,
        viewerKey: list.viewerKey,
        eventCount: sizes.listEvents,
        firstPage: list.firstPage,
      };
      report(await phase('(d)', () => benchSearch(trust)));
      for (const result of await phase('(e, f)', () => benchBundle(trust))) report(result);
    } finally {
      await bench.dispose();
    }
  });
  const met = results.filter(passed).length;
  console.log(`${met} of ${results.length} targets met, in ${(ms / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
