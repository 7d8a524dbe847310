import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type postgres from 'postgres';

import { quoteColumns, type CopyText } from './raw';

/**
 * The longest any statement may run on a connection (a connection parameter), so no input
 * holds a connection longer; a COPY's own guard below allows a little more.
 */
export const STATEMENT_TIMEOUT_MS = 30_000;
const COPY_GUARD_MS = STATEMENT_TIMEOUT_MS + 5_000;

/** The part of a postgres.js query that learns the server's verdict on a COPY. */
interface SettlingQuery {
  reject: (error: unknown) => void;
}

/**
 * Writes the text and ends the stream. Chunks go out one by one (the socket sends each at
 * once), waiting while the connection's buffer is full, so the server stores rows while the
 * next chunk is made.
 */
async function writeCopyText(stream: Writable, text: CopyText): Promise<void> {
  if (typeof text === 'string') {
    stream.end(text);
    return;
  }
  for (const chunk of text) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
}

/**
 * Streams COPY text into a table on a postgres.js connection and settles as soon as the server
 * accepts or refuses it. postgres.js 3.4.9 only calls the stream's final callback on success: a
 * refusal after the data was sent (a value PostgreSQL cannot store) reaches no stream event and
 * only calls the query's `reject`, on a promise already resolved with the stream, so it is lost
 * and the caller would hang holding the connection (porsager/postgres#1173). The refusal is
 * caught there; the guard is the last resort should neither path ever report.
 */
export async function copyIntoPostgres(
  connection: postgres.Sql,
  table: string,
  columns: readonly string[],
  text: CopyText,
): Promise<void> {
  const query = connection.unsafe(`COPY "${table}" (${quoteColumns(columns)}) FROM STDIN`);
  let refuse: (error: unknown) => void = () => {};
  const refused = new Promise<never>((_, reject) => (refuse = reject));
  refused.catch(() => {}); // observed below; unobserved only when the stream settles first
  const settling = query as unknown as SettlingQuery;
  const rejectQuery = settling.reject.bind(query);
  settling.reject = (error) => {
    refuse(error);
    rejectQuery(error);
  };
  const stream: Writable = await Promise.race([query.writable(), refused]);
  let timer: NodeJS.Timeout | undefined;
  const written = new Promise<void>((resolve, reject) => {
    timer = setTimeout(
      () => stream.destroy(new Error(`COPY into ${table} did not finish in time`)),
      COPY_GUARD_MS,
    );
    stream.once('error', reject);
    stream.once('finish', resolve);
    // A chunk that cannot be made (or sent) fails the COPY: nothing of it is stored.
    writeCopyText(stream, text).catch((error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      stream.destroy(failure);
      reject(failure);
    });
  });
  try {
    await Promise.race([written, refused]);
  } finally {
    clearTimeout(timer);
  }
}
