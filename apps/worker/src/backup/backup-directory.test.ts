import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { backupDirectory, type BackupOutcome } from './backup-directory';
import { restoreArchive } from './restore-archive';

let dir: string;
let source: string;
let outcome: BackupOutcome;
const dated = new Date('2021-06-07T08:09:10Z');
// Past ustar's 100-byte name, and past its 155-byte prefix too (a pax header then).
const longDir = `${'deep-folder-name/'.repeat(6)}end`;
const longerDir = `${'x'.repeat(120)}/${'y'.repeat(120)}`;
const files: Record<string, Buffer> = {
  'index.html': Buffer.from('<h1>hi</h1>'),
  empty: Buffer.alloc(0),
  'ünï côdé/naïve – файл 文件.txt': Buffer.from('unicode'),
  [`${longDir}/${'n'.repeat(90)}.txt`]: Buffer.from('long path'),
  [`${longerDir}/${'z'.repeat(99)}`]: Buffer.from('longer path'),
  // Larger than one gzip member (1 MiB): the archive holds several.
  'big.bin': randomBytes(3 * 1024 * 1024 + 123),
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opsledger-backup-'));
  source = join(dir, 'source');
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(join(source, path, '..'), { recursive: true });
    await writeFile(join(source, path), bytes);
  }
  await utimes(join(source, 'index.html'), dated, dated);
  outcome = await backupDirectory({ source, target: join(dir, 'out'), name: 'b' });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a backup archive', () => {
  it('lists every file with its sha256', async () => {
    expect(outcome).toMatchObject({ files: 6, skipped: [], changed: [] });
    const manifest = JSON.parse(await readFile(outcome.manifest, 'utf8')) as {
      files: Record<string, { size: number }>;
    };
    expect(Object.keys(manifest.files).sort()).toEqual(Object.keys(files).sort());
  });

  it('is read by GNU tar byte for byte, mtimes kept', async () => {
    const into = join(dir, 'gnu');
    await mkdir(into);
    execFileSync('tar', ['xzf', outcome.archive, '-C', into]);
    for (const [path, bytes] of Object.entries(files)) {
      expect((await readFile(join(into, path))).equals(bytes)).toBe(true);
    }
    expect((await stat(join(into, 'index.html'))).mtime.toISOString()).toBe(dated.toISOString());
  });

  it('restores through the restore path, every checksum verified', async () => {
    const into = join(dir, 'restored');
    const restored = await restoreArchive({
      archive: outcome.archive,
      manifest: outcome.manifest,
      archiveSha256: outcome.archiveSha256,
      into,
    });
    expect(restored.files).toBe(6);
    for (const [path, bytes] of Object.entries(files)) {
      expect((await readFile(join(into, path))).equals(bytes)).toBe(true);
    }
  });
});
