import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface NextServer {
  url: string;
  port: number;
  /** The `next start` process (it serves requests itself). */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 10 s: the server's own orderly stop. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash or an OOM killer would end it. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Listen on this port (a restarted server keeps its URL); a free one when absent. */
  port?: number;
}

/** `next start` of the built app in `appDir`, as `pnpm start` runs it. */
export async function startNextServer(
  appDir: string,
  env: NodeJS.ProcessEnv,
  options: StartOptions = {},
): Promise<NextServer> {
  // Resolved from the app, so a caller outside apps/web need not depend on next itself.
  const nextBin = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start'], {
    cwd: appDir,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const running = () => child.exitCode === null && child.signalCode === null;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
    async kill() {
      if (!running()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
