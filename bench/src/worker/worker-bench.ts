import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { backupDirectory, syncDirectory } from '@opsledger/worker/engine';

import type { BenchResult } from '../measure/report';
import { median, timed } from '../measure/stats';

const run = promisify(execFile);

export interface WorkerBenchSizes {
  smallFiles: number;
  bigFileMiB: number;
}

/** `count` files of 1-4 KiB in folders of 100, random bytes (as compressible as real blobs are not). */
async function smallTree(root: string, count: number) {
  for (let folder = 0; folder * 100 < count; folder++) {
    const dir = join(root, `d${folder}`);
    await mkdir(dir, { recursive: true });
    const files = Math.min(100, count - folder * 100);
    await Promise.all(
      Array.from({ length: files }, (_, i) =>
        writeFile(join(dir, `f${i}.bin`), randomBytes(1024 + ((i * 37) % 3072))),
      ),
    );
  }
}

async function bigTree(root: string, mib: number) {
  await mkdir(root, { recursive: true });
  const chunk = randomBytes(1024 * 1024);
  const { open } = await import('node:fs/promises');
  const handle = await open(join(root, 'big.bin'), 'w');
  for (let i = 0; i < mib; i++) await handle.write(chunk);
  await handle.close();
}

/**
 * OpsLedger's sync and backup engine (what a worker's job runs) against the system tools on the
 * same trees, in turns, each into a fresh target: sync vs `cp -r` / `cp`, backup vs `tar czf`.
 */
export async function benchWorker(sizes: WorkerBenchSizes): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'opsledger-bench-worker-'));
  try {
    const small = join(dir, 'small');
    const big = join(dir, 'big');
    await smallTree(small, sizes.smallFiles);
    await bigTree(big, sizes.bigFileMiB);
    await run('sync', []);
    let n = 0;
    const fresh = () => join(dir, `out-${n++}`);
    // `sync` too: without it a sample pays for writing back the previous sample's gigabyte, and
    // (h) swung from 0.2 s to 0.7 s on which side happened to come next.
    const clean = () => run('sh', ['-c', `rm -rf ${dir}/out-* && sync`]);

    // In turns (ours, theirs, ours, ...) so drift on a shared machine touches both alike; each
    // into a fresh target, removed outside the timing.
    const pair = async (
      ours: () => Promise<unknown>,
      theirs: () => Promise<unknown>,
      samples: number,
    ) => {
      const times = { ours: [] as number[], theirs: [] as number[] };
      for (let round = 0; round < samples; round++) {
        for (const [side, work] of [
          ['ours', ours],
          ['theirs', theirs],
        ] as const) {
          const { ms } = await timed(work);
          times[side].push(ms);
          await clean();
        }
      }
      return { ours: median(times.ours), theirs: median(times.theirs) };
    };
    const results: BenchResult[] = [];
    const result = (
      name: string,
      what: string,
      base: string,
      t: { ours: number; theirs: number },
      target: number,
    ): BenchResult => ({
      name,
      figures: `${what}: OpsLedger ${(t.ours / 1000).toFixed(2)} s, ${base} ${(t.theirs / 1000).toFixed(2)} s (medians)`,
      ratio: t.ours / t.theirs,
      ratioOf: `OpsLedger / ${base}`,
      target: { comparison: '<=', value: target },
      faults: [],
    });

    const syncSmall = await pair(
      async () => {
        const outcome = await syncDirectory({
          source: small,
          target: fresh(),
          deleteMissing: false,
        });
        if (outcome.errorCount > 0) throw new Error(`sync failed: ${outcome.failures[0]?.problem}`);
      },
      () => run('cp', ['-r', small, fresh()]),
      3,
    );
    results.push(
      result('(g) sync small files', `${sizes.smallFiles} files`, 'cp -r', syncSmall, 3),
    );

    const syncBig = await pair(
      () => syncDirectory({ source: big, target: fresh(), deleteMissing: false }),
      async () => {
        const target = fresh();
        await mkdir(target);
        await run('cp', [join(big, 'big.bin'), target]);
      },
      // Five rounds: each takes a fraction of a second, and a single stall moves a median of 3.
      5,
    );
    results.push(result('(h) sync one big file', `${sizes.bigFileMiB} MiB`, 'cp', syncBig, 1.5));

    for (const [label, tree, what] of [
      ['(i) backup small files', small, `${sizes.smallFiles} files`],
      ['(j) backup one big file', big, `${sizes.bigFileMiB} MiB`],
    ] as const) {
      const times = await pair(
        () => backupDirectory({ source: tree, target: fresh(), name: 'bench' }),
        async () => {
          const target = fresh();
          await mkdir(target);
          await run('tar', ['czf', join(target, 'bench.tar.gz'), '-C', tree, '.']);
        },
        // Three rounds as the sync cases: one pair on a shared machine is mostly noise.
        3,
      );
      results.push(result(label, what, 'tar czf', times, 1.5));
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
