/**
 * The chaos run's settings, from the environment only.
 * - DATABASE_URL (required): the PostgreSQL database the server under test uses.
 * - CHAOS_PG_CLUSTER: `<version> <name>` of the pg_ctlcluster cluster that serves DATABASE_URL,
 *   e.g. `15 main`. Only when it is set does the PostgreSQL-restart case stop and start that
 *   cluster; unset, the case is skipped (never restart a server others are using).
 * - CHAOS_CASES: which cases to run, e.g. `3,4` (default: all), for working on one of them.
 */
export interface ChaosEnv {
  databaseUrl: string;
  /** The database's port, to check that the cluster named is the one behind the URL. */
  databasePort: number;
  cluster: { version: string; name: string } | null;
  /** Case numbers to run; null runs them all. */
  cases: number[] | null;
}

function databaseUrl(): URL {
  const value = process.env.DATABASE_URL?.trim();
  if (!value) throw new Error('DATABASE_URL: must be set (chaos runs against PostgreSQL)');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('DATABASE_URL: is not a URL (postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error('DATABASE_URL: must be a postgres:// URL');
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error('DATABASE_URL: must be on this machine (chaos stops and starts it)');
  }
  return url;
}

function cluster(): ChaosEnv['cluster'] {
  const value = process.env.CHAOS_PG_CLUSTER?.trim();
  if (!value) return null;
  const match = /^(\d+(?:\.\d+)?)\s+([\w.-]+)$/.exec(value);
  if (!match?.[1] || !match[2]) {
    throw new Error('CHAOS_PG_CLUSTER: must be "<version> <name>", e.g. "15 main"');
  }
  return { version: match[1], name: match[2] };
}

function cases(): number[] | null {
  const value = process.env.CHAOS_CASES?.trim();
  if (!value) return null;
  if (!/^\d+(\s*,\s*\d+)*$/.test(value)) {
    throw new Error('CHAOS_CASES: must list case numbers, e.g. "3,4"');
  }
  return value.split(',').map(Number);
}

/** The whole environment, for the server and CLI processes chaos starts (they validate it). */
export const inheritedEnv = (): NodeJS.ProcessEnv => process.env;

export function readChaosEnv(): ChaosEnv {
  const url = databaseUrl();
  return {
    databaseUrl: url.toString(),
    databasePort: Number(url.port || 5432),
    cluster: cluster(),
    cases: cases(),
  };
}
