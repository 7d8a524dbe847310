import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { LoadMessage, LoadOrder } from './load-generator';

const GENERATOR = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

export interface LoadRun {
  /** From the first request sent to the last answer read, as the load generator timed it. */
  ms: number;
  /** CPU time (user + system) this process, the server, spent meanwhile. */
  serverCpuMs: number;
  failures: string[];
}

/**
 * Sends pre-serialised bodies from a forked load generator and measures this process's CPU
 * while it does: the server runs here, the client's work does not. The fork runs under the
 * same loader (tsx) as this process, without a profiler flag given to this one.
 */
export async function sendFromLoadGenerator(
  order: Omit<LoadOrder, 'bodiesFile'>,
  bodies: readonly string[],
): Promise<LoadRun> {
  const dir = mkdtempSync(join(tmpdir(), 'opsledger-load-'));
  const bodiesFile = join(dir, 'bodies.ndjson');
  writeFileSync(bodiesFile, `${bodies.join('\n')}\n`);
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--cpu-prof'));
  const child = fork(GENERATOR, [JSON.stringify({ ...order, bodiesFile })], { execArgv });
  try {
    return await new Promise<LoadRun>((resolve, reject) => {
      let cpuAtStart = process.cpuUsage();
      child.once('exit', (code) => reject(new Error(`the load generator exited (${code})`)));
      child.on('message', (message: LoadMessage) => {
        if (message.type === 'ready') {
          cpuAtStart = process.cpuUsage();
          child.send('go');
        } else if (message.type === 'done') {
          const cpu = process.cpuUsage(cpuAtStart);
          const serverCpuMs = (cpu.user + cpu.system) / 1000;
          resolve({ ms: message.ms, serverCpuMs, failures: message.failures });
        } else {
          reject(new Error(`the load generator failed: ${message.message}`));
        }
      });
    });
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
