import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { inheritedEnv } from '../env';

const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A TypeScript file of this folder run by Node through tsx, as `pnpm bench` runs main.ts, with
 * its settings as one JSON argument (see scriptSettings).
 */
export function spawnScript(
  file: string,
  settings: unknown,
  nodeOptions: readonly string[] = [],
): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...nodeOptions,
      '--import',
      'tsx',
      fileURLToPath(new URL(file, import.meta.url)),
      JSON.stringify(settings),
    ],
    { cwd: BENCH_DIR, env: inheritedEnv(), stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

/** In a script spawnScript started: the settings it was given. */
export const scriptSettings = (): unknown => JSON.parse(process.argv[2] ?? 'null');

/** The first line a child prints, parsed as JSON; its exit before that is an error. */
export function firstJsonLine(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) throw new Error('the child has no stdout');
    const lines = createInterface({ input: child.stdout });
    const exited = (code: number | null) =>
      reject(new Error(`the child exited (${code}) before it printed its answer`));
    child.once('exit', exited);
    child.once('error', reject);
    lines.once('line', (line) => {
      child.off('exit', exited);
      try {
        resolve(JSON.parse(line));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** A process's resident memory now (VmRSS), from /proc; null where there is none. */
export function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** Asks a child to stop (SIGTERM) and waits until it has. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
