import { createOpsLedgerClient, type OpsLedgerClient } from '@opsledger/client';
import { credentialsPath, readCredentials, resolveDataDir } from '@opsledger/client/credentials';

import { CliError } from '../cli-error';

/** The options every command takes; flags win over the environment, which wins over the file. */
export interface ConnectionOptions {
  url?: string;
  key?: string;
  team?: string;
}

export interface Connection {
  client: OpsLedgerClient;
  url: string;
  dataDir: string;
}

/**
 * A client for the API with the chosen credential. The team is whatever the key belongs to:
 * `--team` only picks a key from credentials.json and is then checked against the API.
 */
export async function connect(
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv,
): Promise<Connection> {
  const dataDir = resolveDataDir(env);
  const file = await readCredentials(dataDir);
  const path = credentialsPath(dataDir);

  // An empty variable counts as unset, as everywhere in OpsLedger.
  const url = options.url ?? (env.OPSLEDGER_URL || file?.url);
  if (!url) {
    throw new CliError(
      `no API URL: pass --url, set OPSLEDGER_URL, or start OpsLedger once so it writes ${path}`,
    );
  }
  const fileKey = options.team ? file?.teams[options.team] : file?.key;
  const key = options.key ?? (env.OPSLEDGER_KEY || fileKey);
  if (!key) {
    throw new CliError(
      options.team
        ? `--team: no key for team "${options.team}" in ${path}; pass --key or set OPSLEDGER_KEY`
        : `no API key: pass --key, set OPSLEDGER_KEY, or start OpsLedger once so it writes ${path}`,
    );
  }

  const client = createOpsLedgerClient({ url, key });
  if (options.team) {
    const current = await client.teams.current.query();
    if (current.slug !== options.team) {
      throw new CliError(
        `--team: the key belongs to team "${current.slug}", not "${options.team}"`,
      );
    }
  }
  return { client, url, dataDir };
}
