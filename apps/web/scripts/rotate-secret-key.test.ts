import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

import { createTestApi } from '@opsledger/api/testing';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/** `pnpm rotate-secret-key` as an operator runs it, with the server's environment. */
async function rotate(env: Record<string, string>, ...args: string[]) {
  const { OPSLEDGER_SECRET_KEYS: _ignored, ...inherited } = process.env;
  const tsx = join(appDir, 'node_modules', '.bin', 'tsx');
  const { stdout } = await run(tsx, ['scripts/rotate-secret-key.ts', ...args], {
    cwd: appDir,
    env: { ...inherited, DATABASE_URL: '', INIT_CWD: '', ...env },
  });
  return stdout;
}

/** A fresh PostgreSQL database beside the test one, dropped afterwards. */
async function withFreshPostgres(work: (url: string) => Promise<void>): Promise<void> {
  const admin = await createTestApi();
  const name = `opsledger_rotate_${randomUUID().slice(0, 8)}`;
  await admin.database.query(`create database ${name}`);
  try {
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${name}`;
    await work(url.toString());
  } finally {
    await admin.database.query(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}

async function checkRotation(databaseUrl: string): Promise<void> {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'opsledger-rotate-cmd-')), 'data');
  const env = { OPSLEDGER_DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
  const first = await rotate(env);
  const path = join(dataDir, 'secret-keys.json');
  const keys = (JSON.parse(await readFile(path, 'utf8')) as { keys: { id: string }[] }).keys;
  // A data directory no server started from gets its first key, then the new primary.
  expect(keys).toHaveLength(2);
  expect(first).toContain(`primary key ${keys[0]?.id} (from ${path})`);
  expect(first).toMatch(/^access-key: \d+ re-encrypted, \d+ unchanged, 0 unreadable$/m);
  expect((await stat(path)).mode & 0o777).toBe(0o600);

  const again = await rotate(env, '--reseal');
  expect(again).toContain(`primary key ${keys[0]?.id}`);
  expect(again).toMatch(/^hblock-user: 0 re-encrypted, \d+ unchanged, 0 unreadable$/m);
}

describe('pnpm rotate-secret-key', () => {
  it('rotates the keyring file of the database the server is configured with', async () => {
    if (process.env.DATABASE_URL) await withFreshPostgres(checkRotation);
    else await checkRotation('');
  });

  it('with OPSLEDGER_SECRET_KEYS, prints the value to set and touches nothing', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'opsledger-rotate-env-')), 'data');
    const current = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const out = await rotate({ OPSLEDGER_DATA_DIR: dataDir, OPSLEDGER_SECRET_KEYS: current });
    expect(out).toMatch(
      new RegExp(`^  OPSLEDGER_SECRET_KEYS=k[0-9a-f]{8}:\\S{44},${current}$`, 'm'),
    );
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });
});
