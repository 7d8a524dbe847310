import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

import { describeError } from './describe-error';

export type LogLevel = LevelWithSilent;

export interface LoggingOptions {
  level: LogLevel;
  /** Where lines go; default stdout, written synchronously (a line before an exit is kept). */
  destination?: DestinationStream;
}

interface RequestScope {
  requestId: string;
}

/*
 * On globalThis: Next.js loads this module once per route (and instrumentation once more); the
 * logger the server configures at start, and the request scope handleRequest opens, must be the
 * ones every copy sees.
 */
const shared = globalThis as typeof globalThis & {
  __opsledgerLogging?: { logger: Logger; requests: AsyncLocalStorage<RequestScope> };
};

function createLogger(options: LoggingOptions, requests: AsyncLocalStorage<RequestScope>): Logger {
  return pino(
    {
      level: options.level,
      // Read per line: whatever runs inside a request logs its id without being handed it.
      mixin: () => requests.getStore() ?? {},
      serializers: { err: describeError },
    },
    // No transport: pino's transports run in worker threads, which Next.js bundling breaks.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

function logging() {
  if (!shared.__opsledgerLogging) {
    const requests = new AsyncLocalStorage<RequestScope>();
    shared.__opsledgerLogging = { requests, logger: createLogger({ level: 'info' }, requests) };
  }
  return shared.__opsledgerLogging;
}

/** Sets the level and destination of every line OpsLedger logs from now on (once, at start). */
export function configureLogging(options: LoggingOptions): Logger {
  const state = logging();
  state.logger = createLogger(options, state.requests);
  return state.logger;
}

/** The process's logger; inside a request its lines carry that request's `requestId`. */
export const logger = (): Logger => logging().logger;

/** Runs `handle` as the request `requestId`: everything it logs, however deep, names it. */
export function inRequest<T>(requestId: string, handle: () => T): T {
  return logging().requests.run({ requestId }, handle);
}

/**
 * Runs `start` outside any request, for timers and batches that serve many requests (a flush
 * of the request log): what they log later must not carry the id of the request that set them.
 */
export function outsideRequest<T>(start: () => T): T {
  return logging().requests.exit(start);
}
