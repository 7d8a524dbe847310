import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';

import { createTestApi, serveApi, type AppWallet, type TestTeam } from '@opsledger/api/testing';
import { writeCredentials } from '@opsledger/client/credentials';

import { runCli } from '../run-cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

/**
 * The CLI against a real API over HTTP: a test database served on a free port, and a data
 * directory whose credentials.json points at it. Commands run in-process with their own streams.
 */
export async function startCliHarness() {
  const api = await createTestApi();
  const served = await serveApi(api.database);

  /** A new team whose owner key is the default in a fresh data directory. */
  async function teamWithCredentials(): Promise<TestTeam & { dataDir: string }> {
    const team = await api.newTeam();
    const dataDir = await mkdtemp(join(tmpdir(), 'opsledger-cli-'));
    await writeCredentials(dataDir, { url: served.url, team: team.slug, key: team.ownerSecret });
    return { ...team, dataDir };
  }

  async function run(
    args: string[],
    opts: { dataDir: string; stdin?: string; env?: NodeJS.ProcessEnv },
  ): Promise<CliRun> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const [out, err] = [collect(stdout), collect(stderr)];
    const code = await runCli(args, {
      stdin: Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
      stdout,
      stderr,
      env: { OPSLEDGER_DATA_DIR: opts.dataDir, ...opts.env },
    });
    return { code, stdout: out(), stderr: err() };
  }

  /** A file holding the wallet's secret key as `--wallet-secret-file` reads it. */
  async function walletFile(wallet: AppWallet, secretKey = wallet.secretKey): Promise<string> {
    const file = join(await mkdtemp(join(tmpdir(), 'opsledger-wallet-')), 'app-wallet.key');
    await writeFile(file, `${secretKey}\n`, { mode: 0o600 });
    return file;
  }

  return {
    api,
    url: served.url,
    teamWithCredentials,
    walletFile,
    run,
    close: async () => {
      await served.close();
      await api.close();
    },
  };
}
