import { randomBytes } from 'node:crypto';
import { createReadStream, type Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar';

import { sha256Of } from '../sync/file-copy';
import type { Manifest } from './backup-directory';

export interface RestoreOptions {
  archive: string;
  manifest: string;
  /** The archive's sha256 as the backup recorded it. */
  archiveSha256: string;
  into: string;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface RestoreOutcome {
  files: number;
  bytes: number;
}

/** A restore that cannot be trusted; nothing of it is left in the target. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

async function listFiles(root: string, dir = '', found: string[] = []): Promise<string[]> {
  const children: Dirent[] = await readdir(join(root, dir), { withFileTypes: true });
  for (const child of children) {
    const path = dir ? `${dir}/${child.name}` : child.name;
    if (child.isDirectory()) await listFiles(root, path, found);
    else found.push(path);
  }
  return found;
}

async function emptyOrMissing(path: string): Promise<boolean> {
  try {
    return (await readdir(path)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Compares what was unpacked with the manifest: every file present, each sha256 equal, no extra. */
async function verify(root: string, manifest: Manifest, onProgress: RestoreOptions['onProgress']) {
  const found = await listFiles(root);
  const expected = Object.keys(manifest.files);
  const problems: string[] = [];
  const present = new Set(found);
  for (const path of expected) if (!present.has(path)) problems.push(`${path}: missing`);
  let bytes = 0;
  let done = 0;
  for (const path of found) {
    const entry = manifest.files[path];
    if (!entry) {
      problems.push(`${path}: not in the manifest`);
      continue;
    }
    const sha256 = await sha256Of(join(root, path));
    if (sha256 !== entry.sha256) problems.push(`${path}: checksum mismatch`);
    bytes += entry.size;
    onProgress?.(++done, found.length);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 5).join('; ');
    throw new RestoreError(
      `${problems.length} file(s) failed verification: ${shown}${problems.length > 5 ? '; ...' : ''}`,
    );
  }
  return { files: found.length, bytes };
}

/**
 * Unpacks a backup into a hidden folder beside `into`, checks every file against the manifest,
 * and only then renames it into place: a corrupt archive or a mismatch leaves nothing behind.
 */
export async function restoreArchive(options: RestoreOptions): Promise<RestoreOutcome> {
  const into = resolve(options.into);
  if (!(await emptyOrMissing(into))) {
    throw new RestoreError(`into: ${into} is not empty; restore into a new or empty folder`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(options.manifest, 'utf8')) as Manifest;
  } catch (error) {
    throw new RestoreError(
      `the manifest ${options.manifest} cannot be read: ${(error as Error).message}`,
    );
  }
  const actual = await sha256Of(options.archive).catch((error: unknown) => {
    throw new RestoreError(
      `the archive ${options.archive} cannot be read: ${(error as Error).message}`,
    );
  });
  if (actual !== options.archiveSha256) {
    throw new RestoreError(
      `the archive is corrupt: its sha256 is ${actual}, the backup recorded ${options.archiveSha256}`,
    );
  }
  await mkdir(dirname(into), { recursive: true });
  const staging = join(
    dirname(into),
    `.${basename(into)}.opsledger-restore-${randomBytes(6).toString('hex')}`,
  );
  await mkdir(staging);
  try {
    try {
      await pipeline(createReadStream(options.archive), extract({ cwd: staging, strict: true }));
    } catch (error) {
      throw new RestoreError(`the archive is corrupt: ${(error as Error).message}`);
    }
    const outcome = await verify(staging, manifest, options.onProgress);
    await rmdir(into).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(staging, into);
    return outcome;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
