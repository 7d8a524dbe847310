import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';

/**
 * `pnpm start`: the portal and one worker under one process. One Ctrl-C (or SIGTERM) stops
 * both; a worker that dies is started again after a growing pause, and never takes the portal
 * down with it. The portal ending ends everything, with its exit code.
 */
const log = pino({ base: { service: 'opsledger-supervisor' } });
const workerDir = fileURLToPath(new URL('..', import.meta.url));
const webDir = fileURLToPath(new URL('../../web', import.meta.url));

let stopping = false;
let worker: ChildProcess | null = null;
let restartPauseMs = 1_000;

const portal = spawn('pnpm', ['exec', 'next', 'start'], { cwd: webDir, stdio: 'inherit' });

function startWorker() {
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    stdio: 'inherit',
  });
  worker = child;
  child.once('exit', (code, signal) => {
    worker = null;
    if (stopping) return;
    // A worker that ran a while earns a quick restart; one that keeps dying waits longer.
    restartPauseMs = Date.now() - startedAt > 60_000 ? 1_000 : Math.min(restartPauseMs * 2, 30_000);
    log.warn(
      { code, signal, restartInMs: restartPauseMs },
      'the worker stopped; starting it again',
    );
    setTimeout(() => !stopping && startWorker(), restartPauseMs).unref();
  });
}

function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping the portal and the worker');
  worker?.kill('SIGTERM');
  portal.kill('SIGTERM');
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

portal.once('exit', (code) => {
  stopping = true;
  const finish = () => process.exit(code ?? 0);
  if (!worker) return finish();
  worker.kill('SIGTERM');
  worker.once('exit', finish);
});

startWorker();
