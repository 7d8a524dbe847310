import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { TrafficIngestResult } from '@opsledger/domain';

import { accessLogHit, type TrafficHitWrite } from './access-log-hit';
import { parseCombinedLine } from './parse-combined';
import {
  identityOf,
  loadTailState,
  saveTailState,
  type FileProgress,
  type TailState,
} from './tail-state';

/** Sends one batch of hits to the API (`client.traffic.ingest.mutate`). */
export type IngestBatch = (batch: { items: TrafficHitWrite[] }) => Promise<TrafficIngestResult>;

export interface AccessLogSource {
  /** The nginx `combined` access log, as configured for the app. */
  path: string;
  appDid: string;
  /** Where the offsets are remembered across restarts (one file per log). */
  stateFile: string;
  ingest: IngestBatch;
  /** Hits per ingest call (the API takes at most 1000). */
  batchSize?: number;
}

/** What reading got through. */
export interface AccessLogCounts {
  lines: number;
  /** Hits sent, bots included. */
  hits: number;
  bots: number;
  /** Lines that are not `combined` entries, or that the API would refuse: counted, skipped. */
  badLines: number;
  /** Of the hits sent, those the API had not stored before, and those it had. */
  inserted: number;
  duplicates: number;
}

export const noCounts = (): AccessLogCounts => ({
  lines: 0,
  hits: 0,
  bots: 0,
  badLines: 0,
  inserted: 0,
  duplicates: 0,
});

export function addCounts(total: AccessLogCounts, more: AccessLogCounts) {
  for (const key of Object.keys(total) as (keyof AccessLogCounts)[]) total[key] += more[key];
}

const CHUNK = 1 << 20;
/** Longer lines are not access log entries (nginx's own limits keep real ones far shorter). */
const MAX_LINE = 64 * 1024;
const COMPRESSED = /\.(gz|bz2|xz|zst|zip)$/;

/** A digest of the file's first line, or null while it has no complete line. */
async function headOf(path: string): Promise<string | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
    const first = end < 0 ? (bytesRead === buffer.length ? buffer : null) : buffer.subarray(0, end);
    return first === null
      ? null
      : createHash('sha256').update(first).digest('base64url').slice(0, 16);
  } finally {
    await handle.close();
  }
}

/** Files beside the log that rotation made of it (`access.log.1`, dated names), uncompressed. */
async function rotatedSiblings(path: string): Promise<string[]> {
  const name = basename(path);
  const entries = await readdir(dirname(path)).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.startsWith(`${name}.`) && !COMPRESSED.test(entry))
    .map((entry) => join(dirname(path), entry));
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

class LogReader {
  readonly counts = noCounts();

  constructor(
    private readonly source: AccessLogSource,
    private readonly state: TailState,
  ) {}

  /**
   * Reads complete lines of `file` from where `progress` got to and ingests them in batches,
   * saving the offset after each batch the API took. Each hit's key is the file's identity and
   * head and the line's byte offset: the same line always has the same key, so a batch
   * resent after a crash or a lost answer counts once.
   */
  async read(file: string, progress: FileProgress) {
    const handle = await open(file, 'r');
    try {
      const size = (await handle.stat()).size;
      let carry = Buffer.alloc(0);
      let position = progress.offset;
      let skipping = false; // inside a line longer than MAX_LINE
      while (position < size) {
        const chunk = Buffer.alloc(Math.min(CHUNK, size - position));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
        if (bytesRead === 0) break;
        const data = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
        const dataStart = position - carry.length;
        position += bytesRead;
        let lineStart = 0;
        for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, lineStart)) {
          if (skipping) skipping = false;
          else this.take(data.subarray(lineStart, nl), dataStart + lineStart, progress);
          lineStart = nl + 1;
          if (this.pending.length >= (this.source.batchSize ?? 500)) {
            await this.flush(progress, dataStart + lineStart);
          }
        }
        carry = data.subarray(lineStart);
        if (carry.length > MAX_LINE) {
          // Counted once as a bad line; its rest, up to its newline, is passed over.
          if (!skipping) this.countBad();
          skipping = true;
          carry = Buffer.alloc(0);
        }
        // An incomplete last line stays unread: the offset stops before it.
        await this.flush(progress, position - carry.length);
      }
    } finally {
      await handle.close();
    }
  }

  private pending: TrafficHitWrite[] = [];

  /** Ingests the pending hits, then remembers that reading got to `through`. */
  private async flush(progress: FileProgress, through: number) {
    if (this.pending.length > 0) {
      const result = await this.source.ingest({ items: this.pending });
      this.counts.inserted += result.inserted;
      this.counts.duplicates += result.duplicates;
      this.pending = [];
    }
    progress.offset = through;
    await saveTailState(this.source.stateFile, this.state);
  }

  private countBad() {
    this.counts.lines += 1;
    this.counts.badLines += 1;
  }

  private take(line: Buffer, offset: number, progress: FileProgress) {
    const text = line.toString('utf8').replace(/\r$/, '');
    const parsed = parseCombinedLine(text);
    if (!parsed.ok) {
      this.countBad();
      return;
    }
    const made = accessLogHit(parsed.entry, {
      appDid: this.source.appDid,
      idempotencyKey: `${identityOf(progress)}:${progress.head ?? '-'}:${offset}`,
      lineBytes: line.length + 1,
      now: Date.now(),
    });
    if (!made.ok) {
      this.countBad();
      return;
    }
    this.counts.lines += 1;
    this.counts.hits += 1;
    if (made.hit.excluded) this.counts.bots += 1;
    this.pending.push(made.hit);
  }
}

/**
 * Reads what the access log gained since the last time and ingests it: one pass, for a job or
 * a polling loop. Follows rotation both ways logrotate does it:
 * - rename + create: the path names a new file; the old one is found beside it by its
 *   identity and read to its end first, so the lines written just before the rename count;
 * - copytruncate: the file shrinks (or its first line changes); the copy beside it, known by
 *   its first line, is read from the old offset first, then the file from its start.
 */
export async function readAccessLog(source: AccessLogSource): Promise<AccessLogCounts> {
  const state = await loadTailState(source.stateFile);
  const reader = new LogReader(source, state);
  const live = await statOrNull(source.path);
  if (live === null) return reader.counts;
  const liveId = identityOf(live);

  const previous = state.current === null ? undefined : state.files[state.current];
  if (previous !== undefined && state.current !== liveId) {
    for (const sibling of await rotatedSiblings(source.path)) {
      const found = await statOrNull(sibling);
      if (found && identityOf(found) === state.current) await reader.read(sibling, previous);
    }
    delete state.files[identityOf(previous)];
  }

  let progress = state.files[liveId] ?? { dev: live.dev, ino: live.ino, head: null, offset: 0 };
  const head = await headOf(source.path);
  if (progress.head !== null && (head !== progress.head || live.size < progress.offset)) {
    const old = progress;
    for (const sibling of await rotatedSiblings(source.path)) {
      const copy = await statOrNull(sibling);
      if (copy && identityOf(copy) !== liveId && copy.size >= old.offset) {
        if ((await headOf(sibling)) === old.head) await reader.read(sibling, old);
      }
    }
    progress = { dev: live.dev, ino: live.ino, head: null, offset: 0 };
  }
  progress.head = head;
  state.current = liveId;
  state.files = { [liveId]: progress };
  if (head !== null) await reader.read(source.path, progress);
  else await saveTailState(source.stateFile, state);
  return reader.counts;
}
