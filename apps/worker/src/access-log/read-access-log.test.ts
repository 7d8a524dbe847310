import {
  appendFile,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, type TestTeamWithApp } from '@opsledger/api/testing';

import { readAccessLog, type AccessLogSource, type IngestBatch } from './read-access-log';
import { readConfiguredAccessLogs } from './read-configured-logs';
import { tailAccessLog } from './tail-access-log';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** nginx's $time_local for an instant some minutes ago, in UTC. */
function timeLocal(minutesAgo: number) {
  const d = new Date(Date.now() - minutesAgo * 60_000);
  return (
    `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

let n = 0;
/** A combined line for a browser (or the given user agent), a distinct path each. */
function line(userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0', status = 200) {
  n += 1;
  return `198.51.100.${n % 250} - - [${timeLocal(30)}] "GET /page-${n} HTTP/1.1" ${status} 512 "-" "${userAgent}"\n`;
}
const lines = (count: number) => Array.from({ length: count }, () => line()).join('');

interface Setup {
  team: TestTeamWithApp;
  dir: string;
  log: string;
  source: AccessLogSource;
}

async function setup(ingest?: (team: TestTeamWithApp) => IngestBatch): Promise<Setup> {
  const team = await api.newTeamWithApp({ name: 'Website' });
  const dir = await mkdtemp(join(tmpdir(), 'opsledger-access-log-'));
  const log = join(dir, 'access.log');
  await writeFile(log, '');
  const send: IngestBatch = ingest ? ingest(team) : (batch) => team.owner.traffic.ingest(batch);
  return {
    team,
    dir,
    log,
    source: {
      path: log,
      appDid: team.appDid,
      stateFile: join(dir, 'state', 'access.json'),
      ingest: send,
      batchSize: 3,
    },
  };
}

/** The app's figures summed over its days (a test running over midnight spans two). */
async function figures(team: TestTeamWithApp) {
  const { list } = await team.owner.traffic.insights({ appDid: team.appDid });
  return {
    totalRequests: list.reduce((sum, day) => sum + day.totalRequests, 0),
    excludedHits: list.reduce((sum, day) => sum + day.excludedHits, 0),
    failedRequests: list.reduce((sum, day) => sum + day.failedRequests, 0),
  };
}

describe('readAccessLog', () => {
  it('ingests hits, counts bots apart and skips bad lines without stopping', async () => {
    const { team, log, source, dir } = await setup();
    await writeFile(
      log,
      line() +
        line('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)') +
        'this is not an access log line\n' +
        line(undefined, 404) +
        `10.0.0.1 - - [${timeLocal(1)}] "GET /${'x'.repeat(5000)} HTTP/1.1" 200 1 "-" "-"\n` +
        line('curl/8.5.0'),
    );
    expect(await readAccessLog(source)).toEqual({
      lines: 6,
      hits: 4,
      bots: 2,
      badLines: 2, // not a log line; a path longer than the API takes
      inserted: 4,
      duplicates: 0,
    });
    expect(await figures(team)).toEqual({ totalRequests: 2, excludedHits: 2, failedRequests: 1 });
    await rm(dir, { recursive: true });
  });

  it('goes on from its offset, and leaves an incomplete last line for later', async () => {
    const { team, log, source } = await setup();
    await writeFile(log, lines(4));
    expect((await readAccessLog(source)).hits).toBe(4);
    expect((await readAccessLog(source)).lines).toBe(0);
    const next = line();
    await appendFile(log, lines(2) + next.slice(0, 20));
    expect((await readAccessLog(source)).hits).toBe(2);
    await appendFile(log, next.slice(20));
    expect((await readAccessLog(source)).hits).toBe(1);
    expect((await figures(team)).totalRequests).toBe(7);
  });

  it('counts a batch once when the answer was lost and it is sent again', async () => {
    let loseNext = true;
    const { team, log, source } = await setup((t) => async (batch) => {
      const result = await t.owner.traffic.ingest(batch);
      if (loseNext) {
        loseNext = false;
        throw new Error('connection reset before the answer');
      }
      return result;
    });
    await writeFile(log, lines(5));
    await expect(readAccessLog(source)).rejects.toThrow('connection reset');
    // The API stored the first batch; the offset did not move, so it is read and sent again.
    expect(await readAccessLog(source)).toMatchObject({ hits: 5, inserted: 2, duplicates: 3 });
    expect((await figures(team)).totalRequests).toBe(5);
  });

  it('counts nothing twice when its state file is lost and the log is read from the start', async () => {
    const { team, log, source } = await setup();
    await writeFile(log, lines(4));
    await readAccessLog(source);
    await rm(source.stateFile);
    expect(await readAccessLog(source)).toMatchObject({ hits: 4, inserted: 0, duplicates: 4 });
    expect((await figures(team)).totalRequests).toBe(4);
  });

  it('follows rotation by rename: the old file is read to its end, then the new one', async () => {
    const { team, log, source } = await setup();
    await writeFile(log, lines(3));
    await readAccessLog(source);
    await appendFile(log, lines(2)); // written just before the rotation
    await rename(log, `${log}.1`);
    await writeFile(log, lines(4));
    expect(await readAccessLog(source)).toMatchObject({ hits: 6, inserted: 6 });
    await appendFile(log, lines(1));
    expect(await readAccessLog(source)).toMatchObject({ hits: 1, inserted: 1 });
    expect((await figures(team)).totalRequests).toBe(10);
  });

  it('follows copytruncate: the copy from the old offset, then the emptied file from its start', async () => {
    const { team, log, source } = await setup();
    await writeFile(log, lines(3));
    await readAccessLog(source);
    await appendFile(log, lines(2));
    await copyFile(log, `${log}.1`);
    await truncate(log, 0);
    await appendFile(log, lines(1));
    expect(await readAccessLog(source)).toMatchObject({ hits: 3, inserted: 3 });
    await appendFile(log, lines(8));
    expect(await readAccessLog(source)).toMatchObject({ hits: 8, inserted: 8 });
    // Emptied and refilled past the old offset before the next read: the size does not tell,
    // its new first line does.
    await copyFile(log, `${log}.1`);
    await writeFile(log, lines(10));
    expect(await readAccessLog(source)).toMatchObject({ hits: 10, inserted: 10 });
    expect((await figures(team)).totalRequests).toBe(24);
    expect(JSON.parse(await readFile(source.stateFile, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('reads nothing, and fails nothing, while the log does not exist', async () => {
    const { log, source } = await setup();
    await rm(log);
    expect((await readAccessLog(source)).lines).toBe(0);
  });
});

describe('tailAccessLog', () => {
  it('follows the log until stopped', async () => {
    const { team, log, source } = await setup();
    const stop = new AbortController();
    let passes = 0;
    const tail = tailAccessLog({
      ...source,
      pollMs: 20,
      signal: stop.signal,
      onPass: () => {
        passes += 1;
        if (passes === 2) stop.abort();
      },
    });
    await appendFile(log, lines(2));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await appendFile(log, lines(3));
    expect(await tail).toMatchObject({ hits: 5, inserted: 5 });
    expect((await figures(team)).totalRequests).toBe(5);
  });
});

describe('readConfiguredAccessLogs', () => {
  it('reads every log the team configured, and reports one it cannot read without stopping', async () => {
    const { team, log, dir } = await setup();
    const other = await team.addApp({ name: 'Blog' });
    await writeFile(log, lines(3));
    await team.owner.traffic.setAccessLog({ appDid: team.appDid, path: log });
    await team.owner.traffic.setAccessLog({ appDid: other.did, path: join(dir, 'blog') });
    // A path that cannot be read as a log (a directory: unlike a permission, root cannot pass it).
    await mkdir(join(dir, 'blog'));
    const service = await team.as('service');
    const pass = async () =>
      readConfiguredAccessLogs({
        logs: (await service.traffic.accessLogs()).list,
        stateDir: join(dir, 'state'),
        ingest: (batch) => service.traffic.ingest(batch),
      });
    const first = await pass();
    expect(first).toContainEqual(
      expect.objectContaining({
        appDid: team.appDid,
        ok: true,
        counts: expect.objectContaining({ inserted: 3 }),
      }),
    );
    expect(first).toContainEqual(
      expect.objectContaining({
        appDid: other.did,
        ok: false,
        error: expect.stringContaining('EISDIR'),
      }),
    );
    await appendFile(log, lines(2));
    expect(await pass()).toContainEqual(
      expect.objectContaining({
        appDid: team.appDid,
        counts: expect.objectContaining({ inserted: 2 }),
      }),
    );
    expect((await figures(team)).totalRequests).toBe(5);
  });
});
