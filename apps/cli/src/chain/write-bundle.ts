import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stat, truncate } from 'node:fs/promises';

import type { OpsLedgerClient } from '@opsledger/client';
import { BUNDLE_FORMAT, bundleEventLine, type BundleHeader } from '@opsledger/domain';

import { CliError } from '../cli-error';
import { writeOut } from '../output/write-out';
import { apiChainLines } from './api-chain-lines';
import { bundleLines, checkHeader } from './bundle-file';

export interface BundleRequest {
  from?: string | undefined;
  to?: string | undefined;
  afterSeq?: number | undefined;
}

/**
 * Where an interrupted bundle can go on: its header, and the byte length and last seq of its
 * complete part. A trailing event without the checkpoint that may follow it is dropped too, so
 * the checkpoint is not lost when the export goes on after it.
 */
async function resumePoint(path: string) {
  let header: BundleHeader | null = null;
  let keptBytes = 0;
  let lastSeq: number | null = null;
  let beforeLastEvent = { bytes: 0, seq: null as number | null };
  let bytes = 0;
  let lastType: string | null = null;
  try {
    for await (const { line, bytes: size } of bundleLines(path)) {
      if (header === null) header = checkHeader(path, line);
      else if (line.type === 'event') beforeLastEvent = { bytes, seq: lastSeq };
      bytes += size;
      if (line.type === 'event') lastSeq = line.seq;
      lastType = line.type;
      keptBytes = bytes;
    }
  } catch (error) {
    // A line cut off mid-write ends the usable part; anything else is a real problem.
    if (!(error instanceof CliError) || !/not a JSON line/.test(error.message)) throw error;
  }
  if (!header) throw new CliError(`${path}: no bundle header to resume from`);
  if (header.format !== BUNDLE_FORMAT) {
    // One file in one layout: verify reads a version-2 file's events by their fixed places.
    throw new CliError(
      `--resume: ${path} is an ${header.format} bundle and this version writes ${BUNDLE_FORMAT}; ` +
        'export it again without --resume',
    );
  }
  if (lastType === 'event') {
    return { header, keptBytes: beforeLastEvent.bytes, lastSeq: beforeLastEvent.seq };
  }
  return { header, keptBytes, lastSeq };
}

async function closeStream(stream: WriteStream) {
  stream.end();
  await once(stream, 'close');
}

/**
 * Writes a team's bundle: a header (team, public keys, start, end), then its events (each its
 * canonical form verbatim, see bundleEventLine) and the checkpoints among them in seq order, one
 * JSON value a line. Streamed through the API page by
 * page, so memory stays flat at any size. Resuming appends to an interrupted file.
 */
export async function writeBundle(
  client: OpsLedgerClient,
  path: string,
  request: BundleRequest & { resume: boolean },
): Promise<{ events: number; checkpoints: number; header: BundleHeader }> {
  let header: BundleHeader;
  let afterSeq: number;
  let stream: WriteStream;
  if (request.resume && (await stat(path).catch(() => null))) {
    const point = await resumePoint(path);
    header = point.header;
    afterSeq = point.lastSeq ?? header.start.seq;
    await truncate(path, point.keptBytes);
    stream = createWriteStream(path, { flags: 'a' });
  } else {
    const [state, keys, range] = await Promise.all([
      client.chain.state.query(),
      client.chain.keys.query(),
      client.chain.range.query({ from: request.from, to: request.to, afterSeq: request.afterSeq }),
    ]);
    header = {
      type: 'header',
      format: BUNDLE_FORMAT,
      team: { id: state.teamId, slug: state.slug },
      exportedAt: new Date().toISOString(),
      keys,
      start: range.start,
      startCheckpoint: range.startCheckpoint,
      anchor: state.anchor,
      head: state.head,
      end: range.end,
      filter: { from: request.from, to: request.to, afterSeq: request.afterSeq },
    };
    afterSeq = range.start.seq;
    stream = createWriteStream(path, { flags: 'w' });
    await writeOut(stream, `${JSON.stringify(header)}\n`);
  }
  const counts = { events: 0, checkpoints: 0 };
  try {
    if (header.end !== null && afterSeq < header.end.seq) {
      let batch = '';
      for await (const line of apiChainLines(client, { afterSeq, toSeq: header.end.seq })) {
        if (line.type === 'event') {
          counts.events++;
          batch += `${bundleEventLine(line.teamId, line)}\n`;
        } else {
          counts.checkpoints++;
          batch += `${JSON.stringify(line)}\n`;
        }
        if (batch.length > 1 << 16) {
          await writeOut(stream, batch);
          batch = '';
        }
      }
      if (batch) await writeOut(stream, batch);
    }
  } finally {
    await closeStream(stream);
  }
  return { ...counts, header };
}
