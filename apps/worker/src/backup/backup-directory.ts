import { closeSync, constants, fstatSync, openSync, type Dirent } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { tempPathFor } from '../sync/file-copy';
import { ArchiveWriter } from './archive-writer';
import { END_OF_ARCHIVE, paddingAfter } from './tar-header';

/** sha256 of every regular file in the archive, by its path inside it. */
export interface Manifest {
  version: 1;
  files: Record<string, ManifestEntry>;
}

interface ManifestEntry {
  size: number;
  sha256: string;
}

export interface BackupOutcome {
  archive: string;
  manifest: string;
  archiveSha256: string;
  files: number;
  bytes: number;
  /** Entries left out: not regular files or folders (FIFOs, sockets, devices, symlinks). */
  skipped: string[];
  /** Files that shrank while they were read: archived padded with zeros to their first size. */
  changed: string[];
}

export interface BackupOptions {
  source: string;
  /** The folder the archive and its manifest are written to. */
  target: string;
  /** The archive's base name (the backup's id). */
  name: string;
  onProgress?: ((percent: number, message: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** Regular files under `root` (relative paths), and what was left out. */
async function listFiles(
  root: string,
  dir = '',
  found = { files: [] as string[], skipped: [] as string[] },
) {
  const children: Dirent[] = await readdir(join(root, dir), { withFileTypes: true });
  for (const child of children) {
    const path = dir ? `${dir}/${child.name}` : child.name;
    if (child.isDirectory()) await listFiles(root, path, found);
    else if (child.isFile()) found.files.push(path);
    else found.skipped.push(path);
  }
  return found;
}

/**
 * One file into the archive: header, contents (hashed in the same read), padding. A file gone
 * since the listing, or no longer a regular file (replaced by a symlink: never followed), is
 * left out; `record` gets the manifest entry and whether the file shrank while it was read.
 */
async function packFile(
  out: ArchiveWriter,
  root: string,
  path: string,
  record: (entry: ManifestEntry, shrank: boolean) => void,
): Promise<'left out' | undefined> {
  let fd: number;
  try {
    fd = openSync(join(root, path), constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP') return 'left out';
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return 'left out';
    await out.header({ path, size: stats.size, mode: stats.mode, mtimeMs: stats.mtimeMs });
    const { sha256, shrank } = await out.readFile(fd, stats.size);
    await out.zeros(paddingAfter(stats.size));
    record({ size: stats.size, sha256 }, shrank);
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * A gzip-compressed tar of the source's regular files (streamed: memory does not grow with the
 * tree), written beside its final name and renamed, and a manifest of each file's sha256. Each
 * file is read once: the bytes that go into the archive are the bytes hashed, so the manifest
 * always matches the archive even when a file changes during the backup.
 */
export async function backupDirectory(options: BackupOptions): Promise<BackupOutcome> {
  await mkdir(options.target, { recursive: true });
  const { files, skipped } = await listFiles(options.source);
  const archive = join(options.target, `${options.name}.tar.gz`);
  const manifestPath = join(options.target, `${options.name}.manifest.json`);
  const manifest: Manifest = { version: 1, files: {} };
  const changed: string[] = [];
  let bytes = 0;

  const temp = tempPathFor(archive);
  const fd = openSync(temp, 'wx');
  let closed = false;
  let archiveSha256: string;
  try {
    const out = new ArchiveWriter(fd);
    for (const [index, path] of files.entries()) {
      if (options.signal?.aborted) throw new Error('stopped');
      const left = await packFile(out, options.source, path, (entry, shrank) => {
        manifest.files[path] = entry;
        bytes += entry.size;
        if (shrank) changed.push(path);
      });
      if (left) skipped.push(path);
      if (index % 100 === 99) {
        const percent = 5 + Math.floor(((index + 1) / files.length) * 90);
        options.onProgress?.(percent, `${index + 1}/${files.length} files archived`);
      }
    }
    await out.put(END_OF_ARCHIVE);
    archiveSha256 = await out.finish();
    closeSync(fd);
    closed = true;
    await writeFile(`${manifestPath}.tmp`, `${JSON.stringify(manifest)}\n`);
    await rename(temp, archive);
    await rename(`${manifestPath}.tmp`, manifestPath);
  } catch (error) {
    if (!closed) closeSync(fd);
    await rm(temp, { force: true });
    await rm(`${manifestPath}.tmp`, { force: true });
    throw error;
  }
  return {
    archive,
    manifest: manifestPath,
    archiveSha256,
    files: Object.keys(manifest.files).length,
    bytes,
    skipped,
    changed,
  };
}
