import { readFile } from 'node:fs/promises';

import type { BundleLine, SigningKeyInfo } from '@opsledger/domain';
import { BUNDLE_FORMAT, EVENT_LINE_END } from '@opsledger/domain/chain-format';

import { CliError } from '../cli-error';
import { checkHeader, eachBundleLine, type Claim } from './bundle-file';
import { ChainVerifier } from './chain-verifier';
import type { VerifyReport } from './verify-report';

/** The keys a sceptic pins: the JSON `GET /api/.well-known/opsledger-keys` answers, saved. */
async function pinnedKeys(path: string): Promise<SigningKeyInfo[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(`--keys: cannot read ${path} as JSON (${(error as Error).message})`);
  }
  // Loaded only here: the schemas are most of the CLI's start-up, which verify otherwise skips.
  const { SigningKeyInfo: Keys } = await import('@opsledger/domain');
  const keys = Keys.array().safeParse((parsed as { keys?: unknown }).keys);
  if (!keys.success) throw new CliError(`--keys: ${path} holds no "keys" list of signing keys`);
  return keys.data;
}

const LINE_END = Buffer.from(EVENT_LINE_END);

/**
 * A version-2 bundle's event lines, taken unparsed (ChainVerifier.eventLine hashes them where
 * they lie in the read buffer); the header and checkpoints are parsed.
 */
const eventLines =
  (verifier: ChainVerifier): Claim =>
  (bytes, start, end) => {
    const from = end - LINE_END.length;
    if (from < start || bytes.compare(LINE_END, 0, LINE_END.length, from, end) !== 0) return null;
    verifier.eventLine(bytes, start, end);
    return !verifier.failed;
  };

/**
 * Verifies a bundle file with nothing but the file (and optionally pinned keys). Its lines are
 * checked as they are read, a chunk at a time (see eachBundleLine). A version-1 bundle (events as
 * JSON objects) still verifies, by rebuilding each event's canonical form.
 */
export async function verifyBundle(path: string, keysFile?: string): Promise<VerifyReport> {
  const first: { line?: BundleLine } = {};
  await eachBundleLine(path, (line) => {
    first.line = line;
    return false;
  });
  const start = checkHeader(path, first.line);
  const verifier = new ChainVerifier({
    team: start.team.id,
    keys: keysFile ? await pinnedKeys(keysFile) : start.keys,
    start: start.start,
    startCheckpoint: start.startCheckpoint,
    end: start.end,
  });
  let header = true;
  await eachBundleLine(
    path,
    (line) => {
      if (header) header = false;
      else if (start.format === BUNDLE_FORMAT && line.type === 'event') {
        // An event line that is not in the format's layout (its tail moved or edited).
        verifier.misshapenEvent();
      } else verifier.line(line);
      return !verifier.failed;
    },
    start.format === BUNDLE_FORMAT ? eventLines(verifier) : undefined,
  );
  return verifier.finish();
}
