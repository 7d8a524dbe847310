import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

import { BUNDLE_FORMAT, type BundleHeader, type BundleLine } from '@opsledger/domain';

import { CliError } from '../cli-error';

/** A bundle's lines, parsed, with their line numbers; streamed, so any size fits in memory. */
export async function* bundleLines(
  path: string,
): AsyncGenerator<{ line: BundleLine; number: number; bytes: number }> {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  input.on('error', () => {}); // reported by the loop below
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const text of lines) {
      number++;
      if (text.length === 0) continue;
      let line: BundleLine;
      try {
        line = JSON.parse(text) as BundleLine;
      } catch {
        throw new CliError(`${path}:${number}: not a JSON line (a cut-off or edited bundle?)`);
      }
      yield { line, number, bytes: Buffer.byteLength(text) + 1 };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(`${path}: no such file`);
    throw error;
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
