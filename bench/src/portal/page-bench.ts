import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Database } from '@opsledger/db';

import { loadAuditEvents } from '../list/load-audit-events';
import { formatCount, formatMs, type BenchResult } from '../measure/report';
import { interleavedMedians } from '../measure/stats';

/** A port the system has free right now: `preferred` if given (and free), else any. */
function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(preferred, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(base: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the portal at ${base} did not become healthy`);
}

interface PortalReader {
  slug: string;
  email: string;
  password: string;
}

/** Signs in through the portal's auth endpoint, as the sign-in form does; the session cookie. */
async function signIn(base: string, reader: PortalReader): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: reader.email, password: reader.password }),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  if (!response.ok || cookies.length === 0)
    throw new Error(`signing in to the portal answered ${response.status}`);
  return cookies.join('; ');
}

/**
 * (l) The audit-log page of a team with `eventCount` events, rendered by `next start` (the
 * production build) against the bench database, as a ratio to /api/health in the same run:
 * what the page costs beyond the server answering at all. Each sample is a full server render
 * with the first page of rows prefetched (keyset, newest first). The team is the one the
 * server's first start creates (its owner can sign in: credentials.json); the events are
 * loaded into it once the server is up.
 */
export async function benchAuditLogPage(
  webDir: string,
  bench: { database: Database; url: string },
  eventCount: number,
  inherited: NodeJS.ProcessEnv,
  preferredPort?: number,
): Promise<BenchResult> {
  const databaseUrl = bench.url;
  const port = await freePort(preferredPort);
  const dataDir = mkdtempSync(join(tmpdir(), 'opsledger-bench-portal-'));
  const server = spawn('pnpm', ['exec', 'next', 'start', '-p', String(port)], {
    cwd: webDir,
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      OPSLEDGER_DATA_DIR: dataDir,
      OPSLEDGER_LOG_LEVEL: 'warn',
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, 180_000);
    const credentials = JSON.parse(await readFile(join(dataDir, 'credentials.json'), 'utf8')) as {
      team: string;
      portal: { email: string; password: string };
    };
    const reader: PortalReader = { slug: credentials.team, ...credentials.portal };
    const [team] = await bench.database.query<{ id: string }>(
      'select id from teams where slug = $1',
      [reader.slug],
    );
    if (!team) throw new Error(`the portal's first start made no team ${reader.slug}`);
    await loadAuditEvents(bench.database, team.id, {
      count: eventCount,
      spanMs: 183 * 24 * 3_600_000,
    });
    await bench.database.query('analyze events');
    const headers = { cookie: await signIn(base, reader) };
    const faults: string[] = [];
    const page = async () => {
      const response = await fetch(`${base}/t/${reader.slug}/audit-logs`, { headers });
      const html = await response.text();
      if (!response.ok) throw new Error(`the audit-log page answered ${response.status}`);
      return html;
    };
    const health = async () => (await fetch(`${base}/api/health`)).text();
    if (!(await page()).includes('Load more'))
      faults.push('the audit-log page rendered without its first page of rows');
    const samples = 30;
    const [pageMs, healthMs] = (await interleavedMedians([page, health], {
      warmUp: 5,
      samples,
    })) as [number, number];
    return {
      name: '(l) audit-log page',
      figures:
        `GET /t/${reader.slug}/audit-logs at ${formatCount(eventCount)} events ${formatMs(pageMs)},` +
        ` /api/health ${formatMs(healthMs)} (median of ${samples}, next start over HTTP)`,
      ratio: pageMs / healthMs,
      ratioOf: 'page / health',
      target: { comparison: '<=', value: 3 },
      faults,
    };
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
