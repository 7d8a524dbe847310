import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';

import {
  GENESIS_HASH,
  SigningKeyInfo,
  type BundleLine,
  type SigningKeyInfo as KeyInfo,
} from '@opsledger/domain';

import { apiChainLines } from '../chain/api-chain-lines';
import { checkHeader, eachBundleLine } from '../chain/bundle-file';
import { ChainVerifier, describeReport, type VerifyReport } from '../chain/chain-verifier';
import { CliError } from '../cli-error';
import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';

/** The keys a sceptic pins: the JSON `GET /api/.well-known/opsledger-keys` answers, saved. */
async function pinnedKeys(path: string): Promise<KeyInfo[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(`--keys: cannot read ${path} as JSON (${(error as Error).message})`);
  }
  const keys = SigningKeyInfo.array().safeParse((parsed as { keys?: unknown }).keys);
  if (!keys.success) throw new CliError(`--keys: ${path} holds no "keys" list of signing keys`);
  return keys.data;
}

/**
 * Verifies a bundle file with nothing but the file (and optionally pinned keys). Its lines are
 * checked as they are parsed, a read chunk at a time (see eachBundleLine).
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
  await eachBundleLine(path, (line) => {
    if (header) header = false;
    else verifier.line(line);
    return !verifier.failed;
  });
  return verifier.finish();
}

async function verifyThroughApi(options: ConnectionOptions, io: CliIo): Promise<VerifyReport> {
  const { client } = await connect(options, io.env);
  const [state, keys] = await Promise.all([client.chain.state.query(), client.chain.keys.query()]);
  const start = state.anchor ?? { seq: 0, hash: GENESIS_HASH };
  const verifier = new ChainVerifier({
    team: state.teamId,
    keys,
    start,
    startCheckpoint: null,
    end: state.head.seq > start.seq ? state.head : null,
  });
  for await (const line of apiChainLines(client, { afterSeq: start.seq, toSeq: state.head.seq })) {
    verifier.line(line);
    if (verifier.failed) break;
  }
  return verifier.finish();
}

export function registerVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .argument('[bundle]', 'an export bundle to verify offline (no server, no database)')
    .description(
      "check a team's hash chain and signed checkpoints: through the API (--team), or a bundle " +
        'file offline; exit 0 only when every event and checkpoint holds',
    )
    .option(
      '--keys <file>',
      'bundle: trust only these keys (saved from /api/.well-known/opsledger-keys)',
    )
    .option('--json', 'print the report as JSON')
    .action(async (bundle: string | undefined, _options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { keys?: string; json?: boolean }
      >();
      if (bundle === undefined && options.keys) throw new CliError('--keys: only with a bundle');
      const report = bundle
        ? await verifyBundle(bundle, options.keys)
        : await verifyThroughApi(options, io);
      if (options.json) await printJson(io.stdout, report);
      else await writeOut(io.stdout, describeReport(report));
      if (!report.ok) throw new CliError(`verification failed at seq ${report.firstBadSeq}`);
    });
}
