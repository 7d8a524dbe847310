import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** Milliseconds one run of `work` takes, and what it returned. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/**
 * Median latency of several queries measured in turns (a, b, a, b, ...), so drift in a shared,
 * noisy machine touches each of them alike. The warm-up rounds fill caches and plan caches.
 */
export async function interleavedMedians(
  queries: readonly (() => Promise<unknown>)[],
  { warmUp, samples }: { warmUp: number; samples: number },
): Promise<number[]> {
  const times = queries.map(() => [] as number[]);
  for (let round = 0; round < warmUp + samples; round++) {
    for (const [i, query] of queries.entries()) {
      const { ms } = await timed(query);
      if (round >= warmUp) times[i]?.push(ms);
    }
  }
  return times.map(median);
}
