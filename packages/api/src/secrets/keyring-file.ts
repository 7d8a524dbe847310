import { chmod, link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { SecretKeyringFile } from '@opsledger/domain';

import { readOwnerOnlyJson } from './owner-only-file';
import { generateSecretKey, secretKeyOf, specOf, type SecretKey } from './sealed-secret';

export const keyringFilePath = (dataDir: string) => join(dataDir, 'secret-keys.json');

export class SecretKeyringFileError extends Error {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'SecretKeyringFileError';
  }
}

type KeyringEntries = SecretKeyringFile['keys'];

/** The file's entries, primary first; null when there is no file yet. */
async function readEntries(path: string): Promise<KeyringEntries | null> {
  // Whoever reads the file reads every stored shared secret.
  const parsed = await readOwnerOnlyJson(
    path,
    (problem) => new SecretKeyringFileError(path, problem),
  );
  if (parsed === null) return null;
  const file = SecretKeyringFile.safeParse(parsed);
  if (!file.success) {
    const [issue] = file.error.issues;
    throw new SecretKeyringFileError(path, `${issue?.path.join('.')}: ${issue?.message}`);
  }
  return file.data.keys;
}

/** The keys of the file, primary first; null when there is no file yet. */
export async function readKeyringFile(path: string): Promise<SecretKey[] | null> {
  return (await readEntries(path))?.map(secretKeyOf) ?? null;
}

/** The whole file, written beside and moved into place so no reader sees half of it. */
async function writeKeyringFile(path: string, keys: KeyringEntries): Promise<string> {
  const partial = `${path}.${process.pid}.tmp`;
  const body: SecretKeyringFile = { keys };
  await writeFile(partial, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  // The mode option does not narrow a file that already existed with a wider one.
  await chmod(partial, 0o600);
  return partial;
}

const entryOf = (key: SecretKey) => ({ ...specOf(key), createdAt: new Date().toISOString() });

/**
 * The file's keys, creating the file with one fresh key on the first start. Creation links the
 * finished file into place, so two processes starting at once agree on one key.
 */
export async function loadKeyringFile(dataDir: string): Promise<SecretKey[]> {
  const path = keyringFilePath(dataDir);
  const existing = await readKeyringFile(path);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const partial = await writeKeyringFile(path, [entryOf(generateSecretKey())]);
  try {
    await link(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(partial);
  }
  const created = await readKeyringFile(path);
  if (!created) throw new SecretKeyringFileError(path, 'vanished while it was being created');
  return created;
}

/** Puts `key` first (the new primary), keeping the older keys readable. */
export async function addPrimaryKey(dataDir: string, key: SecretKey): Promise<SecretKey[]> {
  const path = keyringFilePath(dataDir);
  const current = await readEntries(path);
  if (!current) throw new SecretKeyringFileError(path, 'does not exist');
  await rename(await writeKeyringFile(path, [entryOf(key), ...current]), path);
  return [key, ...current.map(secretKeyOf)];
}
