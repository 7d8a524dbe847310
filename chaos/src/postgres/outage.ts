import { execFileSync } from 'node:child_process';

import type { Cluster } from './cluster';

/**
 * Stops the cluster, runs `whileDown`, and starts the cluster again whatever happens: after
 * `whileDown` fails, and on SIGINT/SIGTERM of the run (then the run ends). What it gives back
 * is `whileDown`'s result.
 */
export async function withClusterDown<T>(
  cluster: Cluster,
  port: number,
  whileDown: () => Promise<T>,
): Promise<T> {
  const startAndExit = (signal: NodeJS.Signals) => {
    execFileSync('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      cluster.version,
      cluster.name,
      'start',
    ]);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', startAndExit);
  process.once('SIGTERM', startAndExit);
  try {
    await cluster.stop();
    return await whileDown();
  } finally {
    await cluster.ensureRunning(port);
    process.off('SIGINT', startAndExit);
    process.off('SIGTERM', startAndExit);
  }
}
