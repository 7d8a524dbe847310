import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  credentialsPath,
  readCredentials,
  resolveDataDir,
  storeTeamKey,
  storeWorkerKey,
  writeCredentials,
} from './index';

let dataDir: string;
beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'opsledger-credentials-')), 'data');
});

describe('resolveDataDir', () => {
  it('resolves OPSLEDGER_DATA_DIR against the folder pnpm was run in', () => {
    expect(resolveDataDir({ INIT_CWD: '/home/me/repo' })).toBe('/home/me/repo/.data');
    expect(resolveDataDir({ INIT_CWD: '/home/me/repo', OPSLEDGER_DATA_DIR: 'var/ol' })).toBe(
      '/home/me/repo/var/ol',
    );
    expect(resolveDataDir({ INIT_CWD: '/home/me/repo', OPSLEDGER_DATA_DIR: '/srv/ol' })).toBe(
      '/srv/ol',
    );
    expect(resolveDataDir({})).toBe(join(process.cwd(), '.data'));
    expect(resolveDataDir({ INIT_CWD: '', OPSLEDGER_DATA_DIR: '' })).toBe(
      join(process.cwd(), '.data'),
    );
  });
});

describe('credentials.json', () => {
  it('is absent until written, then readable by its owner only', async () => {
    expect(await readCredentials(dataDir)).toBeNull();
    await writeCredentials(dataDir, { url: 'http://localhost:3000', team: 'demo', key: 'olk_a' });
    expect(await readCredentials(dataDir)).toEqual({
      url: 'http://localhost:3000',
      team: 'demo',
      key: 'olk_a',
      teams: { demo: 'olk_a' },
    });
    expect((await stat(credentialsPath(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('keeps the keys of other teams when the default changes', async () => {
    await writeCredentials(dataDir, { url: 'http://a', team: 'demo', key: 'olk_a' });
    await storeTeamKey(dataDir, { url: 'http://a', team: 'other', key: 'olk_b' });
    expect(await readCredentials(dataDir)).toMatchObject({
      team: 'demo',
      key: 'olk_a',
      teams: { demo: 'olk_a', other: 'olk_b' },
    });
    await writeCredentials(dataDir, { url: 'http://b', team: 'demo', key: 'olk_c' });
    const file = JSON.parse(await readFile(credentialsPath(dataDir), 'utf8'));
    expect(file).toEqual({
      url: 'http://b',
      team: 'demo',
      key: 'olk_c',
      teams: { demo: 'olk_c', other: 'olk_b' },
    });
  });

  it('makes the first stored team key the default', async () => {
    await storeTeamKey(dataDir, { url: 'http://a', team: 'ops', key: 'olk_z' });
    expect(await readCredentials(dataDir)).toMatchObject({ team: 'ops', key: 'olk_z' });
  });

  it('names what is wrong with a damaged file', async () => {
    await writeCredentials(dataDir, { url: 'http://a', team: 'demo', key: 'olk_a' });
    await writeFile(credentialsPath(dataDir), JSON.stringify({ url: 'http://a', team: 'demo' }));
    await expect(readCredentials(dataDir)).rejects.toThrow(/credentials\.json: key: /);
    await writeFile(credentialsPath(dataDir), '{nope');
    await expect(readCredentials(dataDir)).rejects.toThrow(/not valid JSON/);
  });
});

describe('the worker key', () => {
  it('is kept as "worker": {"key"} beside the owner keys, through later writes', async () => {
    const url = 'http://localhost:3000';
    await writeCredentials(dataDir, { url, team: 'demo', key: 'olk_owner' });
    await storeWorkerKey(dataDir, 'olk_worker');
    await storeTeamKey(dataDir, { url, team: 'other', key: 'olk_other' });
    await writeCredentials(dataDir, { url, team: 'demo', key: 'olk_owner2' });

    const file = JSON.parse(await readFile(credentialsPath(dataDir), 'utf8')) as unknown;
    expect(file).toMatchObject({ key: 'olk_owner2', worker: { key: 'olk_worker' } });
    expect((await readCredentials(dataDir))?.worker).toEqual({ key: 'olk_worker' });
  });

  it('refuses a malformed worker entry, naming it', async () => {
    await writeFile(
      credentialsPath(await mkdtempData()),
      JSON.stringify({ url: 'http://x', team: 't', key: 'k', worker: 'olk_x' }),
    );
    await expect(readCredentials(dataDir)).rejects.toThrow(/worker: must be \{"key"/);
  });
});

async function mkdtempData() {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dataDir, { recursive: true });
  return dataDir;
}
