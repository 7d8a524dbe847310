import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Where reading one log file got to. A file is known by its identity (device and inode, which
 * a rename keeps) and its head (a digest of its first line, which changes when copytruncate
 * empties the file and it fills again, or when an inode number is reused).
 */
export interface FileProgress {
  dev: number;
  ino: number;
  head: string | null;
  /** Bytes read and ingested: the next line starts here. */
  offset: number;
}

/** The state file: every file being read, keyed by `dev:ino`, and which one the path named. */
export interface TailState {
  version: 1;
  current: string | null;
  files: Record<string, FileProgress>;
}

export const identityOf = (file: { dev: number; ino: number }) => `${file.dev}:${file.ino}`;

export async function loadTailState(stateFile: string): Promise<TailState> {
  try {
    const parsed = JSON.parse(await readFile(stateFile, 'utf8')) as TailState;
    if (parsed.version === 1 && typeof parsed.files === 'object') return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { version: 1, current: null, files: {} };
}

/** Replaces the state file whole (temp file + rename): a crash leaves the old or the new. */
export async function saveTailState(stateFile: string, state: TailState): Promise<void> {
  await mkdir(dirname(stateFile), { recursive: true });
  const partial = `${stateFile}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify(state)}\n`);
  await rename(partial, stateFile);
}
