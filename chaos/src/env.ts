import { createEnv } from '@t3-oss/env-core';
import { z } from 'zod';

import { PostgresUrl } from '@opsledger/domain';

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

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
const CLUSTER = /^(\d+(?:\.\d+)?)\s+([\w.-]+)$/;

const parse = () =>
  createEnv({
    server: {
      DATABASE_URL: PostgresUrl.refine(
        (value) => LOCAL_HOSTS.includes(new URL(value).hostname),
        'must be on this machine (chaos stops and starts it)',
      ),
      CHAOS_PG_CLUSTER: z
        .string()
        .trim()
        .regex(CLUSTER, 'must be "<version> <name>", e.g. "15 main"')
        .optional(),
      CHAOS_CASES: z
        .string()
        .trim()
        .regex(/^\d+(\s*,\s*\d+)*$/, 'must list case numbers, e.g. "3,4"')
        .optional(),
    },
    runtimeEnv: process.env,
    emptyStringAsUndefined: true,
  });

function cluster(value: string | undefined): ChaosEnv['cluster'] {
  const match = value ? CLUSTER.exec(value) : null;
  return match?.[1] && match[2] ? { version: match[1], name: match[2] } : null;
}

/** The whole environment, for the server and CLI processes chaos starts (they validate it). */
export const inheritedEnv = (): NodeJS.ProcessEnv => process.env;

export function readChaosEnv(): ChaosEnv {
  const env = parse();
  const url = new URL(env.DATABASE_URL);
  return {
    databaseUrl: url.toString(),
    databasePort: Number(url.port || 5432),
    cluster: cluster(env.CHAOS_PG_CLUSTER),
    cases: env.CHAOS_CASES ? env.CHAOS_CASES.split(',').map(Number) : null,
  };
}
