import { createEnv, type StandardSchemaV1 } from '@t3-oss/env-core';
import { z } from 'zod';

import {
  DEFAULT_CHECKPOINT_POLICY,
  parseSigningSecret,
  type CheckpointPolicy,
  type LogLevel,
} from '@opsledger/api';
import { resolveDataDir } from '@opsledger/client/credentials';
import {
  DEFAULT_EVENT_TIME_BOUNDS,
  PostgresUrl,
  SecretKeyList,
  type SecretKeySpec,
} from '@opsledger/domain';

/** The variables, each checked on its own; an empty one (`FOO=`) counts as unset. */
const serverVariables = {
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  DATABASE_URL: PostgresUrl.optional(),
  OPSLEDGER_DATA_DIR: z.string().optional(),
  /** Where the committed migrations are, when a bundle moved them from packages/db/drizzle. */
  OPSLEDGER_MIGRATIONS_DIR: z.string().optional(),
  OPSLEDGER_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .optional(),
  /** `id:base64-32-bytes`, comma-separated, primary first; unset: secret-keys.json. */
  OPSLEDGER_SECRET_KEYS: SecretKeyList.optional(),
  /** The Ed25519 key checkpoints are signed with: 32 bytes, hex or base64; unset: signing-key.json. */
  OPSLEDGER_SIGNING_KEY: z
    .string()
    .refine((value) => parseSigningSecret(value) !== null, {
      message: 'must be 32 bytes as 64 hex digits or base64',
    })
    .optional(),
  /** Sign each team's chain head after this many new events... */
  OPSLEDGER_CHECKPOINT_EVERY_EVENTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_CHECKPOINT_POLICY.everyEvents),
  /** ...or this many minutes after its last checkpoint, whichever comes first. */
  OPSLEDGER_CHECKPOINT_EVERY_MINUTES: z.coerce
    .number()
    .min(0.1)
    .default(DEFAULT_CHECKPOINT_POLICY.everyMinutes),
  /** How far back writers may date events (imports); 3,652,059 days reach back to year 1. */
  OPSLEDGER_IMPORT_HORIZON_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3_652_059)
    .default(DEFAULT_EVENT_TIME_BOUNDS.importHorizonDays),
  /** Where the user ran pnpm: relative data directories resolve against it. */
  INIT_CWD: z.string().optional(),
  OPSLEDGER_LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
    .default('info'),
  /** `pretty` for people (the default under `next dev`), `json` for log collectors. */
  OPSLEDGER_LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  NODE_ENV: z.string().optional(),
};

export type LogFormat = 'json' | 'pretty';

/** Every problem named by its variable, never by the value (it may be a secret). */
function refuse(issues: readonly StandardSchemaV1.Issue[]): never {
  const nameOf = (issue: StandardSchemaV1.Issue) =>
    (issue.path ?? []).map((key) => String(typeof key === 'object' ? key.key : key)).join('.');
  const problems = issues.map((issue) => `${nameOf(issue)}: ${issue.message}`);
  throw new Error(`Invalid environment: ${problems.join('; ')}`);
}

export interface ServerConfig {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  migrationsDir: string | undefined;
  /** The URL clients reach this server at, as written into credentials.json. */
  publicUrl: string;
  /** Keys that encrypt stored shared secrets; undefined: the data directory's keyring file. */
  secretKeys: SecretKeySpec[] | undefined;
  /** The checkpoint-signing key; undefined: the data directory's signing-key.json. */
  signingKey: string | undefined;
  checkpoints: CheckpointPolicy;
  importHorizonDays: number;
  log: { level: LogLevel; format: LogFormat };
}

/** Reads and checks the environment; every problem is named by its variable. */
export function parseServerEnv(source: NodeJS.ProcessEnv): ServerConfig {
  const env = createEnv({
    server: serverVariables,
    runtimeEnv: source,
    emptyStringAsUndefined: true,
    onValidationError: refuse,
  });
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
    signingKey: env.OPSLEDGER_SIGNING_KEY,
    checkpoints: {
      everyEvents: env.OPSLEDGER_CHECKPOINT_EVERY_EVENTS,
      everyMinutes: env.OPSLEDGER_CHECKPOINT_EVERY_MINUTES,
    },
    importHorizonDays: env.OPSLEDGER_IMPORT_HORIZON_DAYS,
    log: {
      level: env.OPSLEDGER_LOG_LEVEL,
      format: env.OPSLEDGER_LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json'),
    },
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
