import { createHash, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants, copyFile, lstat, open, rename, rm, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary name beside `path`: same directory, so the final rename is atomic. */
export const tempPathFor = (path: string) =>
  join(dirname(path), `.${basename(path)}.opsledger-${randomBytes(6).toString('hex')}.tmp`);

/** Files up to this size are read whole: a stream per small file costs more than its bytes. */
const WHOLE_READ_BYTES = 8 * 1024 * 1024;

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    if ((await handle.stat()).size <= WHOLE_READ_BYTES) {
      return hash.update(await handle.readFile()).digest('hex');
    }
    for await (const chunk of handle.createReadStream({ autoClose: false })) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

export class ChangedDuringCopyError extends Error {
  constructor() {
    super('changed while it was being copied');
    this.name = 'ChangedDuringCopyError';
  }
}

const sameVersion = (a: Stats, b: Stats) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

/**
 * Copies a regular file atomically: into a temporary file beside the target, its mtime set, then
 * renamed over the target, so the target is the old file or the whole new one, never half. A
 * source that changed while it was read is not published (the caller may try again).
 */
export async function copyFileAtomically(source: string, target: string, before: Stats) {
  const temp = tempPathFor(target);
  try {
    // Exclusive create: the temp name is fresh, and without it libuv truncates the new file
    // first, which makes ext4 (auto_da_alloc) flush the whole file to disk on close: 1 GiB
    // copied in 0.35 s instead of the 0.18 s `cp` takes.
    await copyFile(source, temp, constants.COPYFILE_EXCL);
    const after = await lstat(source);
    if (!sameVersion(before, after)) throw new ChangedDuringCopyError();
    await utimes(temp, before.atime, before.mtime);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
