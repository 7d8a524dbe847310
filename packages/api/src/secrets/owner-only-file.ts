import { readFile, stat } from 'node:fs/promises';

/**
 * The parsed JSON of a file that holds a secret (the keyring, the signing key); null when there
 * is no file yet. A file others may read is refused, never used: whoever reads it holds the
 * secret. `refuse` makes the caller's own error from the problem it names.
 */
export async function readOwnerOnlyJson(
  path: string,
  refuse: (problem: string) => Error,
): Promise<unknown> {
  let mode: number;
  try {
    mode = (await stat(path)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if ((mode & 0o077) !== 0) {
    const octal = mode.toString(8).padStart(3, '0');
    throw refuse(`must be readable by its owner only (mode ${octal}): chmod 600 it`);
  }
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    throw refuse('is not valid JSON');
  }
}
