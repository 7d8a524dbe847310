import { createHash } from 'node:crypto';
import { createWriteStream, type Dirent } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { create } from 'tar';

import { sha256Of, tempPathFor } from '../sync/file-copy';

/** sha256 of every regular file in the archive, by its path inside it. */
export interface Manifest {
  version: 1;
  files: Record<string, { size: number; sha256: string }>;
}

export interface BackupOutcome {
  archive: string;
  manifest: string;
  archiveSha256: string;
  files: number;
  bytes: number;
  /** Entries left out: not regular files or folders (FIFOs, sockets, devices, symlinks). */
  skipped: string[];
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
 * A gzip-compressed tar of the source's regular files (streamed: memory does not grow with the
 * tree), written beside its final name and renamed, and a manifest of each file's sha256. A file
 * changed between its hash and its packing shows up as a mismatch at restore.
 */
export async function backupDirectory(options: BackupOptions): Promise<BackupOutcome> {
  await mkdir(options.target, { recursive: true });
  const { files, skipped } = await listFiles(options.source);
  const archive = join(options.target, `${options.name}.tar.gz`);
  const manifestPath = join(options.target, `${options.name}.manifest.json`);
  const manifest: Manifest = { version: 1, files: {} };
  let bytes = 0;
  // Hashed before packing, several at a time; tar then reads them again from the page cache.
  let next = 0;
  const hashOne = async () => {
    for (let path = files[next++]; path !== undefined; path = files[next++]) {
      if (options.signal?.aborted) throw new Error('stopped');
      const full = join(options.source, path);
      const [sha256, size] = await Promise.all([sha256Of(full), stat(full).then((s) => s.size)]);
      manifest.files[path] = { size, sha256 };
      bytes += size;
    }
  };
  await Promise.all(Array.from({ length: 8 }, hashOne));
  options.onProgress?.(10, `${files.length} files hashed`);

  let packed = 0;
  const pack = create(
    {
      cwd: options.source,
      portable: true,
      // Files opened ahead while earlier ones are written: the default (4) leaves small files
      // waiting on one another's stat/open/read round trips (2,000 files: 3.7 s -> 0.6 s).
      jobs: 32,
      onWriteEntry: (entry) => {
        entry.on('end', () => {
          packed += 1;
          if (packed % 100 === 0) {
            const percent = 10 + Math.floor((packed / Math.max(files.length, 1)) * 85);
            options.onProgress?.(percent, `${packed}/${files.length} files archived`);
          }
        });
      },
    },
    files,
  );
  const temp = tempPathFor(archive);
  const archiveHash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      archiveHash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    const stopped = options.signal ? { signal: options.signal } : {};
    // gzip through Node's zlib stream: it compresses on libuv's thread pool while tar reads the
    // next files, as `tar | gzip` runs in two processes (tar's own gzip would share one thread).
    await pipeline(pack, createGzip({ level: 6 }), tap, createWriteStream(temp), stopped);
    await writeFile(`${manifestPath}.tmp`, `${JSON.stringify(manifest)}\n`);
    await rename(temp, archive);
    await rename(`${manifestPath}.tmp`, manifestPath);
  } catch (error) {
    await rm(temp, { force: true });
    await rm(`${manifestPath}.tmp`, { force: true });
    throw error;
  }
  return {
    archive,
    manifest: manifestPath,
    archiveSha256: archiveHash.digest('hex'),
    files: files.length,
    bytes,
    skipped,
  };
}
