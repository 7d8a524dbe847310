import { z } from 'zod';

import { resolveDataDir } from '@opsledger/client/credentials';
import {
  DEFAULT_EVENT_TIME_BOUNDS,
  PostgresUrl,
  SecretKeyList,
  type SecretKeySpec,
} from '@opsledger/domain';

/** An empty variable (`FOO=` in a shell or an env file) means "not set". */
const unlessBlank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);
const optional = <T extends z.ZodType>(schema: T) => unlessBlank(schema.optional());

const ServerEnv = z.object({
  PORT: unlessBlank(z.coerce.number().int().min(1).max(65_535).default(3000)),
  DATABASE_URL: optional(PostgresUrl),
  OPSLEDGER_DATA_DIR: optional(z.string()),
  /** Where the committed migrations are, when a bundle moved them from packages/db/drizzle. */
  OPSLEDGER_MIGRATIONS_DIR: optional(z.string()),
  OPSLEDGER_PUBLIC_URL: optional(
    z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
  ),
  /** `id:base64-32-bytes`, comma-separated, primary first; unset: secret-keys.json. */
  OPSLEDGER_SECRET_KEYS: optional(SecretKeyList),
  /** How far back writers may date events (imports); 3,652,059 days reach back to year 1. */
  OPSLEDGER_IMPORT_HORIZON_DAYS: unlessBlank(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(3_652_059)
      .default(DEFAULT_EVENT_TIME_BOUNDS.importHorizonDays),
  ),
  /** Where the user ran pnpm: relative data directories resolve against it. */
  INIT_CWD: optional(z.string()),
});

export interface ServerConfig {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  migrationsDir: string | undefined;
  /** The URL clients reach this server at, as written into credentials.json. */
  publicUrl: string;
  /** Keys that encrypt stored shared secrets; undefined: the data directory's keyring file. */
  secretKeys: SecretKeySpec[] | undefined;
  importHorizonDays: number;
}

/** Reads and checks the environment; every problem is named by its variable. */
export function parseServerEnv(source: NodeJS.ProcessEnv): ServerConfig {
  const parsed = ServerEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: resolveDataDir({
      ...source,
      INIT_CWD: env.INIT_CWD,
      OPSLEDGER_DATA_DIR: env.OPSLEDGER_DATA_DIR,
    }),
    migrationsDir: env.OPSLEDGER_MIGRATIONS_DIR,
    publicUrl: (env.OPSLEDGER_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    secretKeys: env.OPSLEDGER_SECRET_KEYS,
    importHorizonDays: env.OPSLEDGER_IMPORT_HORIZON_DAYS,
  };
}

/** The whole environment, for the processes a script starts (each validates its own). */
export const inheritedEnv = (): NodeJS.ProcessEnv => process.env;

let cached: ServerConfig | undefined;

/** The server's configuration: the one place that reads the process environment. */
export function serverConfig(): ServerConfig {
  cached ??= parseServerEnv(process.env);
  return cached;
}
