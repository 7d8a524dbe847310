/**
 * Smoke test of the built portal, as CI runs it after `next build`: `next start` on a free
 * port with a fresh data directory (and DATABASE_URL when set) must come up healthy, write
 * owner credentials (0600) that read the demo data over HTTP and through the compatible
 * endpoints, and refuse a second server on the same embedded database. Exits non-zero with the reason on any failure.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startNextServer, waitForHealth, type NextServer } from '@opsledger/next-server';

import { inheritedEnv, serverConfig } from '../src/env';
import { checkCompatEndpoints } from './smoke/compat-endpoints';
import { checkLiveTailAcrossInstances } from './smoke/live-tail-instances';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const HEALTH_TIMEOUT_MS = 90_000;
const REFUSAL_TIMEOUT_MS = 90_000;
const { databaseUrl } = serverConfig();
const expectedDatabase = databaseUrl ? 'postgres' : 'pglite';

class SmokeFailure extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SmokeFailure(message);
}

const began = Date.now();
const step = (message: string) =>
  console.log(`smoke: [${Math.round((Date.now() - began) / 1000)} s] ${message}`);

/** A GET of a tRPC query, exactly as the README's curl example sends it. */
async function query(server: NextServer, key: string | null, path: string, input: unknown) {
  const url = `${server.url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const body = (await response.json()) as { result?: { data?: unknown }; error?: unknown };
  return { status: response.status, data: body.result?.data, error: body.error };
}

async function readCredentialsFile(dataDir: string) {
  const path = join(dataDir, 'credentials.json');
  check(existsSync(path), `${path} was not written`);
  const mode = (await stat(path)).mode & 0o777;
  check(mode === 0o600, `${path} has mode ${mode.toString(8)}, expected 600`);
  const credentials = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  check(
    credentials.team === 'demo',
    `credentials.json names team ${String(credentials.team)}, expected demo`,
  );
  check(
    typeof credentials.key === 'string' && credentials.key.startsWith('olk_'),
    'credentials.json holds no olk_ key',
  );
  check(
    typeof credentials.url === 'string' && /^https?:\/\//.test(credentials.url),
    'credentials.json holds no URL',
  );
  return { key: credentials.key };
}

async function checkDemoData(server: NextServer, key: string) {
  const anonymous = await query(server, null, 'auditLogs.list', { pageSize: 1 });
  check(
    anonymous.status === 401,
    `auditLogs.list without a key answered ${anonymous.status}, expected 401`,
  );

  const audit = await query(server, key, 'auditLogs.list', { pageSize: 5 });
  check(
    audit.status === 200,
    `auditLogs.list answered ${audit.status}: ${JSON.stringify(audit.error)}`,
  );
  const page = audit.data as { list: unknown[]; paging: { total: number } };
  check(
    page.list.length > 0 && page.paging.total > 0,
    'auditLogs.list returned no demo audit logs',
  );

  const summary = await query(server, key, 'backups.summary', { timeZone: 'UTC' });
  check(
    summary.status === 200,
    `backups.summary answered ${summary.status}: ${JSON.stringify(summary.error)}`,
  );
  const days = (summary.data as { summary: { successCount: number }[] }).summary;
  check(
    days.some((day) => day.successCount > 0),
    'backups.summary shows no successful demo backups',
  );
  step(`demo data readable: ${page.paging.total} audit logs, backups on ${days.length} days`);
}

/** A second server on the same embedded data directory must stop with a clear reason. */
async function checkSecondOpenerRefused(dataDir: string) {
  const second = await startNextServer(appDir, {
    ...inheritedEnv(),
    OPSLEDGER_DATA_DIR: dataDir,
    DATABASE_URL: '',
  });
  try {
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      second.exited,
      new Promise<'running'>((resolve) => {
        timer = setTimeout(() => resolve('running'), REFUSAL_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    check(code !== 'running', 'a second server on the same data directory kept running');
    check(code !== 0, 'a second server on the same data directory exited 0');
    check(
      /is in use by process \d+/.test(second.output()),
      `a second server on the same data directory did not say why it stopped:\n${second.output()}`,
    );
  } finally {
    await second.stop();
  }
  step('a second server on the same embedded data directory is refused');
}

/** On PostgreSQL a second instance shares the database: live tails cross between them. */
async function checkSecondInstance(first: NextServer, env: NodeJS.ProcessEnv, key: string) {
  const second = await startNextServer(appDir, env);
  try {
    const health = await waitForHealth(second, HEALTH_TIMEOUT_MS);
    check(health.ok === true, `the second server's /api/health answered ${JSON.stringify(health)}`);
    step(await checkLiveTailAcrossInstances(first, second, key, check));
  } catch (error) {
    console.error(`smoke: second server output:\n${second.output()}`);
    throw error;
  } finally {
    await second.stop();
  }
}

async function main() {
  check(
    existsSync(join(appDir, '.next', 'BUILD_ID')),
    'the app is not built: run `next build` first',
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'opsledger-smoke-'));
  const env: NodeJS.ProcessEnv = {
    ...inheritedEnv(),
    OPSLEDGER_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? '',
  };
  step(`next start on ${expectedDatabase}, data in ${dataDir}`);
  const server = await startNextServer(appDir, env);
  let failed = true;
  try {
    const health = await waitForHealth(server, HEALTH_TIMEOUT_MS);
    check(health.ok === true, `/api/health answered ${JSON.stringify(health)}`);
    check(
      health.database === expectedDatabase,
      `/api/health reports database ${String(health.database)}, expected ${expectedDatabase}`,
    );
    step(`healthy: ${JSON.stringify(health)}`);

    const { key } = await readCredentialsFile(dataDir);
    await checkDemoData(server, key);
    await checkCompatEndpoints(server.url, key, check);
    step('compatible endpoints answer their published clients');
    if (!databaseUrl) await checkSecondOpenerRefused(dataDir);
    else await checkSecondInstance(server, env, key);
    failed = false;
  } finally {
    await server.stop();
    if (failed)
      console.error(`smoke: server output:\n${server.output()}\nsmoke: data kept in ${dataDir}`);
    else await rm(dataDir, { recursive: true, force: true });
  }
  step('passed');
}

main().catch((error: unknown) => {
  console.error(`smoke: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
