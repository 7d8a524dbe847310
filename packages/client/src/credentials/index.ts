import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * `$OPSLEDGER_DATA_DIR/credentials.json`: where the API runs and the keys to use it. `key` is
 * the default team's key; `teams` holds a key per team slug, the default one included.
 */
export interface Credentials {
  url: string;
  team: string;
  key: string;
  teams: Record<string, string>;
  /** The default team owner's portal account: sign in at `url` with `email` and `password`. */
  portal?: PortalAccount;
}

export interface PortalAccount {
  url: string;
  email: string;
  password: string;
}

export class CredentialsFileError extends Error {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'CredentialsFileError';
  }
}

/**
 * The data directory: `OPSLEDGER_DATA_DIR` (default `./.data`), relative to the folder where the
 * user ran pnpm (`INIT_CWD`; pnpm runs scripts inside the package folder) or else the current one.
 * An empty variable (`FOO=` in a shell) counts as unset.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv): string {
  return resolve(env.INIT_CWD || process.cwd(), env.OPSLEDGER_DATA_DIR || './.data');
}

export const credentialsPath = (dataDir: string) => join(dataDir, 'credentials.json');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parsePortalAccount(path: string, portal: unknown): PortalAccount | undefined {
  if (portal === undefined) return undefined;
  if (
    !isRecord(portal) ||
    typeof portal.url !== 'string' ||
    typeof portal.email !== 'string' ||
    typeof portal.password !== 'string'
  ) {
    throw new CredentialsFileError(path, 'portal: must hold url, email and password strings');
  }
  return { url: portal.url, email: portal.email, password: portal.password };
}

function parseCredentials(path: string, text: string): Credentials {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CredentialsFileError(path, 'is not valid JSON');
  }
  if (!isRecord(parsed)) throw new CredentialsFileError(path, 'must hold a JSON object');
  for (const field of ['url', 'team', 'key'] as const) {
    if (typeof parsed[field] !== 'string' || parsed[field] === '') {
      throw new CredentialsFileError(path, `${field}: must be a non-empty string`);
    }
  }
  const teams = parsed.teams ?? {};
  if (!isRecord(teams) || !Object.values(teams).every((key) => typeof key === 'string')) {
    throw new CredentialsFileError(path, 'teams: must map team slugs to key strings');
  }
  const { url, team, key } = parsed as { url: string; team: string; key: string };
  const all = { ...(teams as Record<string, string>), [team]: key };
  const portal = parsePortalAccount(path, parsed.portal);
  return portal ? { url, team, key, teams: all, portal } : { url, team, key, teams: all };
}

/** The stored credentials, or null when the file does not exist yet. */
export async function readCredentials(dataDir: string): Promise<Credentials | null> {
  const path = credentialsPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseCredentials(path, text);
}

async function saveCredentials(dataDir: string, credentials: Credentials): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const path = credentialsPath(dataDir);
  // Written beside and renamed over, so a reader never sees half a file; 0600 because it holds
  // secrets (chmod too: the mode option does not narrow an umask-wider existing file).
  const partial = `${path}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(partial, 0o600);
  await rename(partial, path);
}

/**
 * Makes `team` (with its `key`, at `url`) the default credentials, keeping the keys of other
 * teams already in the file.
 */
export async function writeCredentials(
  dataDir: string,
  credentials: { url: string; team: string; key: string },
): Promise<void> {
  const existing = await readCredentials(dataDir);
  await saveCredentials(dataDir, {
    ...credentials,
    teams: { ...existing?.teams, [credentials.team]: credentials.key },
    ...(existing?.portal ? { portal: existing.portal } : {}),
  });
}

/** Keeps the portal account beside the keys (the file must exist: keys are written first). */
export async function storePortalAccount(dataDir: string, portal: PortalAccount): Promise<void> {
  const existing = await readCredentials(dataDir);
  if (!existing) throw new CredentialsFileError(credentialsPath(dataDir), 'does not exist yet');
  await saveCredentials(dataDir, { ...existing, portal });
}

/**
 * Adds a team's key to the file without changing the default team; with no file yet, that team
 * becomes the default.
 */
export async function storeTeamKey(
  dataDir: string,
  credentials: { url: string; team: string; key: string },
): Promise<void> {
  const existing = await readCredentials(dataDir);
  if (!existing) return writeCredentials(dataDir, credentials);
  await saveCredentials(dataDir, {
    ...existing,
    teams: { ...existing.teams, [credentials.team]: credentials.key },
  });
}
