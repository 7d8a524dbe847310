import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

import { CliError } from '../cli-error';

export interface NumberedLine {
  number: number;
  text: string;
}

/** The input to import: a file, or standard input for `-` or no file at all. */
export async function openInput(file: string | undefined, stdin: Readable): Promise<Readable> {
  if (file === undefined || file === '-') return stdin;
  try {
    // Opened up front so a missing file is a clear error, not a failure halfway through a stream.
    return (await open(file)).createReadStream();
  } catch (error) {
    throw new CliError(`file: cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
}

/** The non-blank lines of a stream, numbered from 1 as an editor shows them. */
export async function* readLines(input: Readable): AsyncGenerator<NumberedLine> {
  let number = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    number += 1;
    if (text.trim() !== '') yield { number, text };
  }
}
