import type { Dirent, Stats } from 'node:fs';
import {
  lstat,
  mkdir,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  rmdir,
  symlink,
  utimes,
} from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';

import { ChangedDuringCopyError, copyFileAtomically, sha256Of } from './file-copy';

export interface SyncOptions {
  source: string;
  target: string;
  /** Remove target files and folders that are gone from the source. */
  deleteMissing: boolean;
  /** Stops between files (SIGTERM): the outcome so far is returned with `interrupted`. */
  signal?: AbortSignal | undefined;
  /** Called now and then with the counts so far. */
  onProgress?: ((progress: SyncProgress) => void) | undefined;
  /** Files copied at once (default 8: small files are bound by syscalls, not bandwidth). */
  concurrency?: number | undefined;
}

export interface SyncProgress {
  totalCount: number;
  successCount: number;
  errorCount: number;
  size: number;
}

export interface SyncFailure {
  path: string;
  problem: string;
}

export interface SyncOutcome extends SyncProgress {
  /** Files copied (new or changed); the rest of successCount was already up to date. */
  copied: number;
  deleted: number;
  failures: SyncFailure[];
  interrupted: boolean;
}

interface Entry {
  /** Relative to the source, with `/` on every platform. */
  path: string;
  kind: 'file' | 'symlink' | 'other';
  stats: Stats;
}

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

const problemOf = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'vanished during the sync';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
};

/** Every entry under the source, depth first; folders are walked, never followed through links. */
async function* walk(root: string, dir = ''): AsyncGenerator<Entry | SyncFailure> {
  let children: Dirent[];
  try {
    children = await readdir(join(root, dir), { withFileTypes: true });
  } catch (error) {
    yield { path: dir || '.', problem: `cannot list the folder: ${problemOf(error)}` };
    return;
  }
  for (const child of children) {
    const path = dir ? `${dir}/${child.name}` : child.name;
    if (child.isDirectory()) {
      yield* walk(root, path);
      continue;
    }
    try {
      const stats = await lstat(join(root, path));
      const kind = stats.isFile() ? 'file' : stats.isSymbolicLink() ? 'symlink' : 'other';
      yield { path, kind, stats };
    } catch (error) {
      yield { path, problem: problemOf(error) };
    }
  }
}

/** Whether the target already holds this version: size and mtime, then content when they disagree. */
async function upToDate(source: string, target: string, stats: Stats): Promise<boolean> {
  let existing: Stats;
  try {
    existing = await lstat(target);
  } catch {
    return false;
  }
  if (!existing.isFile() || existing.size !== stats.size) return false;
  if (Math.trunc(existing.mtimeMs) === Math.trunc(stats.mtimeMs)) return true;
  if ((await sha256Of(source)) !== (await sha256Of(target))) return false;
  // Same bytes, another mtime: only the time is brought over.
  await utimes(target, stats.atime, stats.mtime);
  return true;
}

/**
 * A symlink is recreated as a link only when it resolves inside the source; one leading out
 * (or dangling) is refused, never followed, so the sync never reads outside its source.
 */
async function syncLink(sourceRoot: string, entry: Entry, target: string) {
  const link = join(sourceRoot, entry.path);
  const destination = await readlink(link);
  let resolved: string;
  try {
    resolved = await realpath(link);
  } catch {
    throw new Error('symlink does not resolve (dangling); not followed');
  }
  if (!inside(sourceRoot, resolved))
    throw new Error('symlink points outside the source; not followed');
  if (isAbsolute(destination)) throw new Error('symlink is absolute; not recreated in the target');
  const temp = `${target}.opsledger-link.tmp`;
  await rm(temp, { force: true });
  await symlink(destination, temp);
  await rename(temp, target);
}

async function copyOne(
  root: string,
  targetRoot: string,
  entry: Entry,
  ensureDir: (dir: string) => Promise<unknown>,
): Promise<boolean> {
  const source = join(root, entry.path);
  const target = join(targetRoot, entry.path);
  if (entry.kind === 'other')
    throw new Error('not a regular file (a FIFO, socket or device); skipped');
  await ensureDir(resolve(target, '..'));
  if (entry.kind === 'symlink') {
    await syncLink(root, entry, target);
    return true;
  }
  if (await upToDate(source, target, entry.stats)) return false;
  for (let attempt = 1; ; attempt++) {
    const stats = attempt === 1 ? entry.stats : await lstat(source);
    try {
      await copyFileAtomically(source, target, stats);
      return true;
    } catch (error) {
      // A file being written is tried once more; if it keeps changing it is reported.
      if (!(error instanceof ChangedDuringCopyError) || attempt === 2) throw error;
    }
  }
}

/** Deletes target entries the source no longer has (files first, then emptied folders). */
async function deleteMissing(targetRoot: string, kept: Set<string>, dir = ''): Promise<number> {
  let deleted = 0;
  const children = await readdir(join(targetRoot, dir), { withFileTypes: true }).catch(() => []);
  for (const child of children) {
    const path = dir ? `${dir}/${child.name}` : child.name;
    if (child.isDirectory()) {
      deleted += await deleteMissing(targetRoot, kept, path);
      if (!kept.has(path)) await rmdir(join(targetRoot, path)).catch(() => undefined);
    } else if (!kept.has(path) && !child.name.includes('.opsledger-')) {
      await rm(join(targetRoot, path), { force: true });
      deleted += 1;
    }
  }
  return deleted;
}

/**
 * One-way sync of a directory tree: new and changed files copied atomically with their mtimes,
 * unchanged ones left alone. A file that cannot be synced is counted and named, never fatal.
 */
export async function syncDirectory(options: SyncOptions): Promise<SyncOutcome> {
  const root = await realpath(options.source);
  const targetRoot = resolve(options.target);
  if (inside(root, targetRoot) || inside(targetRoot, root)) {
    throw new Error('the source and the target must not contain each other');
  }
  await mkdir(targetRoot, { recursive: true });
  const outcome: SyncOutcome = {
    totalCount: 0,
    successCount: 0,
    errorCount: 0,
    size: 0,
    copied: 0,
    deleted: 0,
    failures: [],
    interrupted: false,
  };
  const kept = new Set<string>();
  // Each target folder is made once, not once per file (a syscall per file adds up on 10,000).
  const folders = new Map<string, Promise<unknown>>();
  const ensureDir = (folder: string) => {
    let made = folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      folders.set(folder, made);
    }
    return made;
  };
  const fail = (path: string, problem: string) => {
    outcome.errorCount += 1;
    outcome.failures.push({ path, problem });
  };
  const running = new Set<Promise<void>>();
  const limit = options.concurrency ?? 8;
  let lastReport = 0;

  for await (const item of walk(root)) {
    if (options.signal?.aborted) {
      outcome.interrupted = true;
      break;
    }
    outcome.totalCount += 1;
    if ('problem' in item) {
      fail(item.path, item.problem);
      continue;
    }
    kept.add(item.path);
    for (let dir = item.path; dir.includes('/');) {
      dir = dir.slice(0, dir.lastIndexOf('/'));
      kept.add(dir);
    }
    const task = copyOne(root, targetRoot, item, ensureDir)
      .then((copied) => {
        outcome.successCount += 1;
        if (copied) {
          outcome.copied += 1;
          outcome.size += item.stats.size;
        }
      })
      .catch((error: unknown) => fail(item.path, problemOf(error)))
      .finally(() => running.delete(task));
    running.add(task);
    if (running.size >= limit) await Promise.race(running);
    if (options.onProgress && Date.now() - lastReport > 500) {
      lastReport = Date.now();
      options.onProgress({ ...outcome });
    }
  }
  await Promise.all(running);
  if (options.deleteMissing && !outcome.interrupted) {
    outcome.deleted = await deleteMissing(targetRoot, kept);
  }
  // Copies finish out of order; the report names failures in walk order.
  outcome.failures.sort((a, b) => a.path.localeCompare(b.path));
  return outcome;
}
