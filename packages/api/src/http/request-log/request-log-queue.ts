import { randomUUID } from 'node:crypto';

import { isConnectionFailure, type Database } from '@opsledger/db';
import { MAX_BATCH, type PlatformEventInput } from '@opsledger/domain';

import type { Caller } from '../../auth/authenticate';
import { logger, outsideRequest } from '../../logging/logger';
import { recordPlatformEventBatch } from '../../services/platform-events/record-platform-events';

/** How long an entry may wait for others to share its write. */
const FLUSH_DELAY_MS = 20;
/** This many waiting entries are written at once, without waiting for the delay. */
const FLUSH_AT = 200;
/**
 * A database that cannot keep up (or is down for long) loses log entries rather than the
 * process its memory; what is dropped is counted and reported.
 */
const MAX_WAITING = 20_000;
/** Entries the database could not take (down, restarting) are tried again after this. */
const RETRY_DELAY_MS = 1_000;

/** One request on its way to the log: the event is built off the request path, at flush time. */
export interface QueuedEntry {
  caller: Caller;
  build(): Promise<PlatformEventInput | null>;
}

interface DatabaseQueue {
  waiting: QueuedEntry[];
  timer: ReturnType<typeof setTimeout> | null;
  writing: Set<Promise<void>>;
  dropped: number;
}

/*
 * On globalThis: Next.js may load this module once per route, and a read of the HBlock route
 * must flush what the tRPC route queued; stop() must flush all of it.
 */
const shared = globalThis as typeof globalThis & {
  __opsledgerRequestLog?: Map<Database, DatabaseQueue>;
};
const queues = (shared.__opsledgerRequestLog ??= new Map<Database, DatabaseQueue>());

function queueOf(database: Database): DatabaseQueue {
  let queue = queues.get(database);
  if (!queue) {
    queue = { waiting: [], timer: null, writing: new Set(), dropped: 0 };
    queues.set(database, queue);
  }
  return queue;
}

/**
 * Written events whose write the database refused as unavailable wait for the next flush, at
 * the front, within the bound: the log loses nothing it accepted to a restart.
 */
function keepForRetry(
  database: Database,
  queue: DatabaseQueue,
  caller: Caller,
  events: PlatformEventInput[],
): void {
  const kept = events.slice(0, Math.max(0, MAX_WAITING - queue.waiting.length));
  queue.dropped += events.length - kept.length;
  queue.waiting.unshift(...kept.map((event) => ({ caller, build: async () => event })));
  scheduleFlush(database, queue, RETRY_DELAY_MS);
}

/** One write per team (in batches the event store accepts) for what the entries became. */
async function writeEntries(
  database: Database,
  queue: DatabaseQueue,
  entries: readonly QueuedEntry[],
): Promise<void> {
  const built = await Promise.all(
    entries.map(async (entry) => ({ caller: entry.caller, event: await entry.build() })),
  );
  const byTeam = new Map<string, { caller: Caller; events: PlatformEventInput[] }>();
  for (const { caller, event } of built) {
    if (!event) continue;
    // Fixed before the first attempt, so a retry after a lost answer is stored once, in time.
    event.idempotencyKey ??= randomUUID();
    event.occurredAt ??= new Date().toISOString();
    const team = byTeam.get(caller.team.id) ?? { caller, events: [] };
    team.events.push(event);
    byTeam.set(caller.team.id, team);
  }
  await Promise.all(
    [...byTeam.values()].map(async ({ caller, events }) => {
      for (let start = 0; start < events.length; start += MAX_BATCH) {
        const items = events.slice(start, start + MAX_BATCH);
        await recordPlatformEventBatch({ ctx: { database, caller }, input: { items } }).catch(
          (error: unknown) => {
            if (isConnectionFailure(error)) return keepForRetry(database, queue, caller, items);
            logger().error({ err: error, lost: items.length }, 'request log: entries lost');
          },
        );
      }
    }),
  );
}

function scheduleFlush(database: Database, queue: DatabaseQueue, delayMs: number): void {
  if (queue.timer) return;
  // A flush writes for many requests: its lines name none of them.
  queue.timer = outsideRequest(() => setTimeout(() => flushQueue(database, queue), delayMs));
  // A waiting log entry does not keep a process alive; shutdown flushes explicitly.
  queue.timer.unref?.();
}

function flushQueue(database: Database, queue: DatabaseQueue): void {
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = null;
  if (queue.dropped > 0) {
    logger().error({ dropped: queue.dropped }, 'request log: entries dropped, the database lags');
    queue.dropped = 0;
  }
  if (queue.waiting.length === 0) return;
  const entries = queue.waiting;
  queue.waiting = [];
  const writing = writeEntries(database, queue, entries).catch((error: unknown) => {
    logger().error({ err: error }, 'request log: a write failed');
  });
  queue.writing.add(writing);
  void writing.finally(() => queue.writing.delete(writing));
}

/** Queues an entry; it is written within a few milliseconds, together with its neighbours. */
export function enqueueRequestLog(database: Database, entry: QueuedEntry): void {
  const queue = queueOf(database);
  if (queue.waiting.length >= MAX_WAITING) {
    queue.dropped += 1;
    return;
  }
  queue.waiting.push(entry);
  if (queue.waiting.length >= FLUSH_AT) return outsideRequest(() => flushQueue(database, queue));
  scheduleFlush(database, queue, FLUSH_DELAY_MS);
}

/**
 * Writes what waits for this database (or every database) now and resolves once everything
 * queued so far is stored: before a read of the log that must see the caller's own requests,
 * in tests, and at shutdown.
 */
export async function flushRequestLog(database?: Database): Promise<void> {
  const targets = database ? [database] : [...queues.keys()];
  await Promise.all(
    targets.map(async (target) => {
      const queue = queues.get(target);
      if (!queue) return;
      flushQueue(target, queue);
      await Promise.all([...queue.writing]);
    }),
  );
}
