import { createReadStream } from 'node:fs';

import { BUNDLE_FORMAT, type BundleHeader, type BundleLine } from '@opsledger/domain';

import { CliError } from '../cli-error';

export interface NumberedLine {
  line: BundleLine;
  number: number;
  /** The line's length in bytes, its newline included. */
  bytes: number;
}

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * A bundle file read a chunk (1 MiB) at a time, cut after its last newline: each piece holds whole
 * lines only (the part after the cut goes before the next chunk), so no character is split.
 * Streamed, so any size fits in memory.
 */
async function* wholeLines(path: string): AsyncGenerator<Buffer> {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  let rest: Buffer | null = null;
  try {
    for await (const read of input) {
      const chunk = read as Buffer;
      let from = 0;
      if (rest) {
        // The line begun in the chunk before: only it is copied, not the chunk.
        const newline = chunk.indexOf(NEWLINE);
        if (newline < 0) {
          rest = Buffer.concat([rest, chunk]);
          continue;
        }
        yield Buffer.concat([rest, chunk.subarray(0, newline + 1)]);
        rest = null;
        from = newline + 1;
      }
      const cut = chunk.lastIndexOf(NEWLINE) + 1;
      if (cut > from) {
        yield chunk.subarray(from, cut);
        from = cut;
      }
      if (from < chunk.length) rest = Buffer.from(chunk.subarray(from));
    }
    if (rest) yield rest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`${path}: no such file`);
    throw error;
  } finally {
    input.destroy();
  }
}

type Visit = (line: BundleLine, number: number, bytes: number) => boolean | undefined;

/**
 * Parses the lines of a piece, numbered on from `number`, handing each to `visit` as it is parsed;
 * answers the last line's number, or null once `visit` answered false.
 */
function parsePiece(path: string, piece: Buffer, number: number, visit: Visit): number | null {
  let start = 0;
  while (start < piece.length) {
    let end = piece.indexOf(NEWLINE, start);
    if (end < 0) end = piece.length;
    const next = end + 1;
    number++;
    if (end > start && piece[end - 1] === RETURN) end--;
    if (end > start) {
      let line: BundleLine;
      try {
        line = JSON.parse(piece.toString('utf8', start, end)) as BundleLine;
      } catch {
        throw new CliError(`${path}:${number}: not a JSON line (a cut-off or edited bundle?)`);
      }
      if (visit(line, number, end - start + 1) === false) return null;
    }
    start = next;
  }
  return number;
}

/**
 * Parses a bundle's lines and hands each to `visit` as it is parsed, until `visit` answers false.
 * Synchronous within each read chunk: readline's per-line events and a per-line async step cost
 * more than parsing and hashing the line, and a parsed line dropped at once never outlives the
 * young generation (collecting a chunk's parsed lines first tripled the GC time).
 */
export async function eachBundleLine(path: string, visit: Visit): Promise<void> {
  let number: number | null = 0;
  for await (const piece of wholeLines(path)) {
    number = parsePiece(path, piece, number, visit);
    if (number === null) return;
  }
}

/** A bundle's lines, parsed, with their line numbers and byte lengths. */
export async function* bundleLines(path: string): AsyncGenerator<NumberedLine> {
  let number = 0;
  for await (const piece of wholeLines(path)) {
    const batch: NumberedLine[] = [];
    let bad: Error | null = null;
    try {
      number = parsePiece(path, piece, number, (line, at, bytes) => {
        batch.push({ line, number: at, bytes });
        return true;
      }) as number;
    } catch (error) {
      bad = error as Error; // the lines before the bad one still come first
    }
    yield* batch;
    if (bad) throw bad;
  }
}

export function checkHeader(path: string, line: BundleLine | undefined): BundleHeader {
  if (!line || line.type !== 'header' || line.format !== BUNDLE_FORMAT) {
    throw new CliError(
      `${path}: not an OpsLedger bundle (its first line must be a ${BUNDLE_FORMAT} header)`,
    );
  }
  return line;
}
