import { isTRPCClientError, type OpsLedgerClient } from '@opsledger/client';
import { MAX_BATCH, type ImportableStreamName } from '@opsledger/domain';

import type { ImportStream } from './import-streams';
import { lineIdempotencyKey } from './line-key';
import type { NumberedLine } from './read-lines';

export interface ImportCounts {
  /** Non-blank lines read. */
  read: number;
  inserted: number;
  /** Lines recorded before (same idempotency key): a re-run of an import. */
  duplicates: number;
  /** Lines of batches that were not written because one of their lines was bad. */
  rejected: number;
}

/** Bad lines shown per batch; the rest are counted, so a wrong file does not flood the screen. */
const SHOWN_PROBLEMS = 20;

/** Answers that reject the data of a batch; any other failure stops the import. */
const DATA_ERROR_STATUSES = new Set([400, 404, 409, 413, 422]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface PendingBatch {
  items: Record<string, unknown>[];
  /** The line number of each item, to name lines in the API's `items.N.field` messages. */
  lineOfItem: number[];
  problems: string[];
  badLines: number;
  firstLine: number;
  lastLine: number;
}

const batchSize = (pending: PendingBatch) => pending.items.length + pending.badLines;

const emptyBatch = (): PendingBatch => ({
  items: [],
  lineOfItem: [],
  problems: [],
  badLines: 0,
  firstLine: 0,
  lastLine: 0,
});

function parseLine(stream: ImportStream, line: NumberedLine): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    return 'is not valid JSON';
  }
  if (!isRecord(value)) return 'must be a JSON object';
  const item = stream.prepare(value);
  const result = stream.schema.safeParse(item);
  if (!result.success) {
    return result.error.issues
      .map((issue) => `${issue.path.map(String).join('.') || 'line'}: ${issue.message}`)
      .join('; ');
  }
  return item;
}

/** `items.3.appDid: ...` from the API becomes `line 42: appDid: ...`. */
function nameLines(message: string, lineOfItem: readonly number[]): string {
  return message.replace(/\bitems\.(\d+)\.?/g, (match, index: string) => {
    const line = lineOfItem[Number(index)];
    return line === undefined ? match : `line ${line}: `;
  });
}

/**
 * Imports NDJSON lines in batches of up to MAX_BATCH lines, one API call each. Every line is
 * checked with the stream's domain schema before anything is sent; a batch holding a bad line
 * is reported and skipped whole, so a batch is either written entirely or not at all.
 */
export async function runImport(opts: {
  client: OpsLedgerClient;
  streamName: ImportableStreamName;
  stream: ImportStream;
  lines: AsyncIterable<NumberedLine>;
  report: (message: string) => Promise<void>;
  /** Filled as batches go, so a caller still knows what was written when the import fails. */
  counts: ImportCounts;
}): Promise<void> {
  const { client, streamName, stream, lines, report, counts } = opts;
  let batch = emptyBatch();

  async function reject(pending: PendingBatch, why: string) {
    counts.rejected += batchSize(pending);
    await report(`lines ${pending.firstLine}-${pending.lastLine} not written: ${why}`);
  }

  async function flush() {
    const pending = batch;
    batch = emptyBatch();
    if (batchSize(pending) === 0) return;
    if (pending.badLines > 0) {
      for (const problem of pending.problems) await report(problem);
      const unshown = pending.badLines - pending.problems.length;
      if (unshown > 0) await report(`... and ${unshown} more bad lines`);
      return reject(pending, `${pending.badLines} bad line${pending.badLines > 1 ? 's' : ''}`);
    }
    try {
      const written = await stream.write(client, pending.items);
      counts.inserted += written.inserted;
      counts.duplicates += written.duplicates;
    } catch (error) {
      const status = isTRPCClientError(error)
        ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
        : undefined;
      if (!isTRPCClientError(error) || status === undefined || !DATA_ERROR_STATUSES.has(status)) {
        throw error;
      }
      await reject(pending, nameLines(error.message, pending.lineOfItem));
    }
  }

  for await (const line of lines) {
    counts.read += 1;
    if (batchSize(batch) === 0) batch.firstLine = line.number;
    batch.lastLine = line.number;
    const parsed = parseLine(stream, line);
    if (typeof parsed === 'string') {
      batch.badLines += 1;
      if (batch.problems.length < SHOWN_PROBLEMS)
        batch.problems.push(`line ${line.number}: ${parsed}`);
    } else {
      const key =
        stream.keyed && parsed.idempotencyKey === undefined
          ? { idempotencyKey: lineIdempotencyKey(streamName, line.number, line.text) }
          : {};
      batch.items.push({ ...parsed, ...key });
      batch.lineOfItem.push(line.number);
    }
    if (batchSize(batch) >= MAX_BATCH) await flush();
  }
  await flush();
}
