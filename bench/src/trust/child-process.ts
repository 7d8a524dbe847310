import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { inheritedEnv } from '../env';

export interface ChildRun {
  code: number | null;
  ms: number;
  /** The child's peak resident memory (VmHWM), polled from /proc; null where there is none. */
  peakRssBytes: number | null;
  stdout: string;
  stderr: string;
}

function highWaterMark(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** Runs a program to its end (in `cwd`, default the bench's), timed, with its peak RSS. */
export function runChild(
  command: string,
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      env: { ...inheritedEnv(), ...env },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let peak: number | null = null;
    const poll = setInterval(() => {
      const now = child.pid === undefined ? null : highWaterMark(child.pid);
      if (now !== null) peak = Math.max(peak ?? 0, now);
    }, 25);
    child.on('error', (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, ms: performance.now() - start, peakRssBytes: peak, stdout, stderr });
    });
  });
}
