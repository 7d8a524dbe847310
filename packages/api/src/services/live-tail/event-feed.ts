import { EVENTS_APPENDED_CHANNEL, parseEventsAppended, type Database } from '@opsledger/db';

import { perDatabase } from '../../process/per-database';

/**
 * How long a watch waits without a notice before its tail looks anyway. Notices are only a
 * wake-up call (the tail reads by seq), so one that never arrives delays events by this much at
 * most and loses none.
 */
const RECHECK_MS = 30_000;

export type WatchOutcome = 'changed' | 'aborted' | 'closed';

/** One tail's view of one team's appends. */
export interface TeamWatch {
  /**
   * Resolves once the team may have appended since the last call: at once when a notice came
   * meanwhile (while the tail was reading), else on the next notice, a re-established listen,
   * the recheck timer, the signal's abort or the feed's close.
   */
  next(signal?: AbortSignal): Promise<WatchOutcome>;
  stop(): void;
}

interface Watcher {
  teamId: string;
  wake(): void;
}

/**
 * The process's one LISTEN on the append channel, shared by every live tail of a database. On
 * PostgreSQL, appends made by any server instance on the same database reach it.
 */
class EventFeed {
  private readonly watchers = new Set<Watcher>();
  private listening: Promise<() => Promise<void>> | null = null;
  private closed = false;

  constructor(private readonly database: Database) {}

  private wakeAll(teamId?: string) {
    for (const watcher of this.watchers) {
      if (teamId === undefined || watcher.teamId === teamId) watcher.wake();
    }
  }

  private listen() {
    this.listening ??= this.database
      .listen(
        EVENTS_APPENDED_CHANNEL,
        (payload) => {
          const notice = parseEventsAppended(payload);
          if (notice) this.wakeAll(notice.teamId);
        },
        // Re-established after a lost connection: notices sent meanwhile are gone, so look.
        () => this.wakeAll(),
      )
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    return this.listening;
  }

  /** Starts watching a team's appends; resolves once the feed listens. */
  async watch(teamId: string): Promise<TeamWatch> {
    if (this.closed) throw new Error('the event feed is closed');
    let pending = false;
    let resolveWait: ((outcome: WatchOutcome) => void) | null = null;
    const watcher: Watcher = {
      teamId,
      wake: () => {
        if (resolveWait) resolveWait('changed');
        else pending = true;
      },
    };
    this.watchers.add(watcher);
    try {
      await this.listen();
    } catch (error) {
      this.watchers.delete(watcher);
      throw error;
    }
    const isClosed = () => this.closed;
    return {
      next(signal) {
        if (isClosed()) return Promise.resolve('closed');
        if (signal?.aborted) return Promise.resolve('aborted');
        if (pending) {
          pending = false;
          return Promise.resolve('changed');
        }
        return new Promise<WatchOutcome>((resolve) => {
          const timer = setTimeout(() => settle('changed'), RECHECK_MS);
          const onAbort = () => settle('aborted');
          function settle(outcome: WatchOutcome) {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolveWait = null;
            resolve(isClosed() ? 'closed' : outcome);
          }
          resolveWait = settle;
          signal?.addEventListener('abort', onAbort, { once: true });
        });
      },
      stop: () => {
        this.watchers.delete(watcher);
      },
    };
  }

  /** Ends every watch (their tails return, their responses end) and stops listening. */
  async close() {
    this.closed = true;
    this.wakeAll();
    const listening = this.listening;
    this.listening = null;
    if (listening) await (await listening.catch(() => null))?.();
  }
}

const feeds = perDatabase('eventFeed', (database) => new EventFeed(database));

/** The database's feed of appends, listening from the first watch on. */
export const eventFeedOf = (database: Database) => feeds.of(database);

/**
 * Ends the live tails of a database before it closes: a server stopping (SIGTERM) must not wait
 * on streams that would otherwise never end.
 */
export const closeEventFeed = (database: Database) => feeds.of(database).close();
