import { env } from '../env';
import { formatResult, passed } from '../measure/report';
import { timed } from '../measure/stats';
import { openBenchDatabase } from '../setup/bench-database';
import { benchScale } from './scale-bench';

/** `pnpm bench --scale`: PostgreSQL only (10M events is no embedded database's job). */
export async function scaleMain(): Promise<void> {
  if (!env.databaseUrl) {
    throw new Error('pnpm bench --scale needs PostgreSQL: set DATABASE_URL');
  }
  const bench = await openBenchDatabase(env.databaseUrl);
  console.log(
    `OpsLedger growth benchmark on ${bench.description}: ${env.scaleSizes.map((size) => size.toLocaleString('en-US')).join(', ')} events, 1,000 teams, one with 40%`,
  );
  const { ms, result } = await timed(async () => {
    try {
      return await benchScale(bench.database, bench.url ?? env.databaseUrl ?? '', env.scaleSizes);
    } finally {
      await bench.dispose();
    }
  });
  for (const line of result) console.log(formatResult(line));
  const met = result.filter(passed).length;
  console.log(`${met} of ${result.length} targets met, in ${(ms / 1000).toFixed(0)} s`);
}
