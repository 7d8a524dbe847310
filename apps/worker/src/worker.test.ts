import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFile,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createTestApi,
  serveApi,
  type ServedApi,
  type TestTeamWithApp,
} from '@opsledger/api/testing';

import { startWorker, waitFor, type WorkerProcess } from './testing/worker-process';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let team: TestTeamWithApp;
let workerKey: string;
let dir: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  api = await createTestApi({
    jobs: { leaseSeconds: 2, retryLimit: 5, retryDelaySeconds: 1, sweepIntervalMs: 250 },
  });
  served = await serveApi(api.database);
  team = await api.newTeamWithApp({ name: 'Files' });
  workerKey = await team.keySecret('service');
  dir = await mkdtemp(join(tmpdir(), 'opsledger-worker-'));
});
afterAll(async () => {
  for (const worker of workers) worker.child.kill('SIGKILL');
  await served?.close();
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

function worker(id: string) {
  const started = startWorker(served.url, workerKey, id);
  workers.push(started);
  return started;
}

const finished = (id: string) =>
  waitFor(`sync run ${id}`, async () => {
    const run = await team.owner.syncs.get({ id });
    return ['succeeded', 'failed', 'canceled'].includes(run.status) ? run : null;
  });

/** The terminal status events a run left in the team's system events. */
async function terminalEventsOf(runId: string) {
  const { events } = await team.owner.events.list({ type: 'system', number: 1000 });
  return events.filter(
    (event) => event.instanceId === runId && /(Succeeded|Failed|Canceled)$/.test(event.name),
  );
}

async function syncProfile(source: string, target: string, deleteMissing = false) {
  return team.owner.syncProfiles.create({ appDid: team.appDid, source, target, deleteMissing });
}

describe('the worker, against a real API', () => {
  it('syncs a tree: nested, unicode and spaced names, an empty file; refuses a FIFO and an outside symlink; a growing file is copied whole or named', async () => {
    const source = join(dir, 'tree');
    const target = join(dir, 'tree-copy');
    const outside = join(dir, 'outside-secret.txt');
    await writeFile(outside, 'not yours');
    await mkdir(join(source, 'a/b/c'), { recursive: true });
    await mkdir(join(source, 'répertoire avec espaces'), { recursive: true });
    await writeFile(join(source, 'a/b/c/deep.txt'), 'deep');
    await writeFile(join(source, 'répertoire avec espaces/naïve – файл 文件.txt'), 'unicode');
    await writeFile(join(source, 'empty'), '');
    const old = new Date('2020-01-02T03:04:05Z');
    await writeFile(join(source, 'dated.bin'), randomBytes(4096));
    await utimes(join(source, 'dated.bin'), old, old);
    await symlink(outside, join(source, 'escape'));
    // A FIFO: root reads any file despite chmod 000, but a FIFO cannot be copied as a file
    // (opening it would block until a writer comes), so it is this tree's unreadable file.
    execFileSync('mkfifo', [join(source, 'pipe')]);
    await writeFile(join(source, 'growing.log'), randomBytes(1 << 20));

    worker('sync-1');
    const profile = await syncProfile(source, target);
    const { run } = await team.owner.syncs.start({ profileId: profile.id });
    expect(run.status).toBe('pending');
    // A file written to while the run goes on.
    const writer = setInterval(
      () => void appendFile(join(source, 'growing.log'), randomBytes(4096)),
      5,
    );
    const done = await finished(run.id).finally(() => clearInterval(writer));

    // The growing file is either copied whole (when one read caught it between two appends) or
    // named as changed while it was copied; which one depends on the machine's timing.
    const grewMidCopy = /growing\.log: changed while it was being copied/.test(done.reason ?? '');
    expect(done).toMatchObject({
      status: 'failed',
      totalCount: 7,
      errorCount: grewMidCopy ? 3 : 2,
      successCount: grewMidCopy ? 4 : 5,
    });
    expect(done.reason).toMatch(/escape: symlink points outside the source/);
    expect(done.reason).toMatch(/pipe: not a regular file/);
    expect(await readFile(join(target, 'a/b/c/deep.txt'), 'utf8')).toBe('deep');
    expect(
      await readFile(join(target, 'répertoire avec espaces/naïve – файл 文件.txt'), 'utf8'),
    ).toBe('unicode');
    expect((await stat(join(target, 'empty'))).size).toBe(0);
    expect((await stat(join(target, 'dated.bin'))).mtime.toISOString()).toBe(old.toISOString());
    await expect(lstat(join(target, 'escape'))).rejects.toThrow(/ENOENT/);
    // Whole copies only: the copy is a prefix of what the file became, never torn; a file that
    // changed while it was read is not published at all.
    if (grewMidCopy) {
      await expect(lstat(join(target, 'growing.log'))).rejects.toThrow(/ENOENT/);
    } else {
      const copied = await readFile(join(target, 'growing.log'));
      const now = await readFile(join(source, 'growing.log'));
      expect(now.subarray(0, copied.length).equals(copied)).toBe(true);
    }
    // No temporary file is left anywhere in the target.
    const names = await readdir(target, { recursive: true });
    expect(names.filter((name) => name.includes('.opsledger-'))).toEqual([]);
    expect(await terminalEventsOf(run.id)).toHaveLength(1);
  });

  it('backs up and restores a tree byte for byte, and refuses a corrupted archive leaving nothing', async () => {
    const source = join(dir, 'site');
    await mkdir(join(source, 'img/ünï côdé'), { recursive: true });
    await writeFile(join(source, 'index.html'), '<h1>hi</h1>');
    await writeFile(join(source, 'img/ünï côdé/photo.jpg'), randomBytes(300_000));
    await writeFile(join(source, 'empty'), '');
    const { backup } = await team.owner.backups.start({
      appDid: team.appDid,
      source,
      target: join(dir, 'backups'),
    });
    const done = await waitFor('backup', async () => {
      const b = await team.owner.backups.get({ id: backup.id });
      return b.status === 'succeeded' || b.status === 'failed' ? b : null;
    });
    expect(done).toMatchObject({ status: 'succeeded', progress: 100 });

    const into = join(dir, 'restored');
    const { run } = await team.owner.backups.restore({ backupId: backup.id, into });
    expect(await finished(run.id)).toMatchObject({
      status: 'succeeded',
      totalCount: 3,
      errorCount: 0,
    });
    for (const file of ['index.html', 'img/ünï côdé/photo.jpg', 'empty']) {
      expect((await readFile(join(into, file))).equals(await readFile(join(source, file)))).toBe(
        true,
      );
    }

    // One byte flipped in the middle of the archive.
    const archive = done.metadata.archive as string;
    const bytes = await readFile(archive);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    await writeFile(archive, bytes);
    const elsewhere = join(dir, 'restored-again');
    const bad = await team.owner.backups.restore({ backupId: backup.id, into: elsewhere });
    const refused = await finished(bad.run.id);
    expect(refused.status).toBe('failed');
    expect(refused.reason).toMatch(/the archive is corrupt/);
    await expect(stat(elsewhere)).rejects.toThrow(/ENOENT/);
    expect((await readdir(dir)).filter((name) => name.includes('opsledger-restore'))).toEqual([]);
  });

  it('retries the job of a worker killed mid-sync; the run ends with exactly one final status', async () => {
    const source = join(dir, 'many');
    await mkdir(source, { recursive: true });
    await Promise.all(
      Array.from({ length: 3000 }, (_, i) =>
        writeFile(join(source, `f${i}.bin`), randomBytes(2048)),
      ),
    );
    for (const w of workers) w.child.kill('SIGKILL');
    const doomed = worker('doomed');
    const profile = await syncProfile(source, join(dir, 'many-copy'));
    const { run, jobId } = await team.owner.syncs.start({ profileId: profile.id });
    await waitFor(
      'the run to start',
      async () => (await team.owner.syncs.get({ id: run.id })).status === 'running',
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    worker('rescuer');
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'succeeded', totalCount: 3000, successCount: 3000 });
    // Retried at least once: a worker killed while its claim was still waiting on the API can
    // also be handed the job (its lease then expires the same way).
    // The run is reported finished just before the job is completed.
    const job = await waitFor('the job to complete', async () => {
      const info = await team.owner.jobs.get({ id: jobId });
      return info.state === 'completed' ? info : null;
    });
    expect(job.retryCount).toBeGreaterThanOrEqual(1);
    expect(await terminalEventsOf(run.id)).toHaveLength(1);
  });

  it('on SIGTERM stops at the next file, hands the job back and records its stop', async () => {
    for (const w of workers) w.child.kill('SIGTERM');
    const polite = worker('polite');
    const profile = await syncProfile(join(dir, 'many'), join(dir, 'many-copy-2'));
    const { run } = await team.owner.syncs.start({ profileId: profile.id });
    await waitFor(
      'the run to start',
      async () => (await team.owner.syncs.get({ id: run.id })).status === 'running',
    );
    polite.child.kill('SIGTERM');
    expect(await polite.exited).toBe(0);
    const { events } = await team.owner.events.list({ type: 'system', number: 1000 });
    expect(
      events.filter((e) => e.module === 'Worker' && e.instanceId === 'polite').map((e) => e.name),
    ).toEqual(expect.arrayContaining(['WorkerStarted', 'WorkerStopped']));
    worker('after');
    expect(await finished(run.id)).toMatchObject({ status: 'succeeded', successCount: 3000 });
    expect(await terminalEventsOf(run.id)).toHaveLength(1);
  });

  it('shares one queue between two workers: every job runs once', async () => {
    worker('second');
    const runs = [];
    for (let i = 0; i < 4; i++) {
      const source = join(dir, `small-${i}`);
      await mkdir(source, { recursive: true });
      await writeFile(join(source, 'file.txt'), `file ${i}`);
      const profile = await syncProfile(source, join(dir, `small-${i}-copy`));
      runs.push((await team.owner.syncs.start({ profileId: profile.id })).run);
    }
    for (const run of runs) {
      expect(await finished(run.id)).toMatchObject({ status: 'succeeded', successCount: 1 });
      expect(await terminalEventsOf(run.id)).toHaveLength(1);
      const { events } = await team.owner.events.list({ type: 'system', number: 1000 });
      expect(
        events.filter((e) => e.instanceId === run.id && e.name === 'SyncRunning'),
      ).toHaveLength(1);
    }
  });

  it("follows an app's configured access log: two workers reading it count each hit once, bots apart", async () => {
    const accessLog = join(dir, 'access.log');
    const at = new Date(Date.now() - 30 * 60_000);
    const months = [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ];
    const pad = (n: number) => String(n).padStart(2, '0');
    const stamp =
      `${pad(at.getUTCDate())}/${months[at.getUTCMonth()]}/${at.getUTCFullYear()}:` +
      `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`;
    const hit = (n: number, agent: string) =>
      `203.0.113.${n} - - [${stamp}] "GET /page-${n} HTTP/1.1" 200 1000 "-" "${agent}"\n`;
    const browser = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0';
    const bot = 'Googlebot/2.1 (+http://www.google.com/bot.html)';
    await writeFile(accessLog, [1, 2, 3].map((n) => hit(n, browser)).join('') + hit(4, bot));
    await team.owner.traffic.setAccessLog({ appDid: team.appDid, path: accessLog });
    worker('upkeep-1');
    worker('upkeep-2');
    const figures = () =>
      waitFor('the access log counted', async () => {
        const { list } = await team.owner.traffic.insights({ appDid: team.appDid });
        const day = list[0];
        return day && day.totalRequests + day.excludedHits >= 6 ? day : null;
      });
    await appendFile(accessLog, hit(5, browser) + hit(6, bot));
    const day = await figures();
    expect(day).toMatchObject({ totalRequests: 4, excludedHits: 2, bandwidth: 4000 });
    // A later pass of either worker finds nothing new: the figures hold.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const { list } = await team.owner.traffic.insights({ appDid: team.appDid });
    expect(list[0]).toMatchObject({ totalRequests: 4, excludedHits: 2 });
  });
});
