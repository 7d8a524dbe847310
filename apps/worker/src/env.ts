import { hostname } from 'node:os';
import { join } from 'node:path';
import { createEnv, type StandardSchemaV1 } from '@t3-oss/env-core';
import { z } from 'zod';

import { readCredentials, resolveDataDir } from '@opsledger/client/credentials';

/** The variables, each checked on its own; an empty one (`FOO=`) counts as unset. */
const workerVariables = {
  /** Where the API runs; unset: the url in credentials.json (the bundled worker). */
  OPSLEDGER_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  /** A `service` key of the team whose jobs to run; unset: `worker.key` of credentials.json. */
  OPSLEDGER_KEY: z.string().startsWith('olk_', 'must be an OpsLedger API key (olk_...)').optional(),
  OPSLEDGER_DATA_DIR: z.string().optional(),
  INIT_CWD: z.string().optional(),
  /** How this worker names itself in leases and events (default host:pid). */
  OPSLEDGER_WORKER_ID: z.string().min(1).max(200).optional(),
  OPSLEDGER_LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
    .default('info'),
};

export interface WorkerConfig {
  url: string;
  key: string;
  workerId: string;
  logLevel: string;
  /** Where the offsets of the access logs this worker follows are kept. */
  stateDir: string;
}

function refuse(issues: readonly StandardSchemaV1.Issue[]): never {
  const nameOf = (issue: StandardSchemaV1.Issue) =>
    (issue.path ?? []).map((key) => String(typeof key === 'object' ? key.key : key)).join('.');
  throw new Error(
    `Invalid environment: ${issues.map((i) => `${nameOf(i)}: ${i.message}`).join('; ')}`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The worker's configuration, the one place that reads the process environment. Without
 * OPSLEDGER_URL/OPSLEDGER_KEY it uses credentials.json, waiting up to `waitMs` for the portal
 * starting beside it to write the worker's key there.
 */
export async function workerConfig(source = process.env, waitMs = 120_000): Promise<WorkerConfig> {
  const env = createEnv({
    server: workerVariables,
    runtimeEnv: source,
    emptyStringAsUndefined: true,
    onValidationError: refuse,
  });
  const dataDir = resolveDataDir({
    ...source,
    INIT_CWD: env.INIT_CWD,
    OPSLEDGER_DATA_DIR: env.OPSLEDGER_DATA_DIR,
  });
  const deadline = Date.now() + waitMs;
  for (;;) {
    const file = env.OPSLEDGER_URL && env.OPSLEDGER_KEY ? null : await readCredentials(dataDir);
    const url = env.OPSLEDGER_URL ?? file?.url;
    const key = env.OPSLEDGER_KEY ?? file?.worker?.key;
    if (url && key) {
      return {
        url,
        key,
        workerId: env.OPSLEDGER_WORKER_ID ?? `${hostname()}:${process.pid}`,
        logLevel: env.OPSLEDGER_LOG_LEVEL,
        stateDir: join(dataDir, 'access-log-offsets'),
      };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no API URL and worker key: set OPSLEDGER_URL and OPSLEDGER_KEY (a service key), ` +
          `or start the portal once so it writes "worker": {"key"} to ${dataDir}/credentials.json`,
      );
    }
    await sleep(1_000);
  }
}
