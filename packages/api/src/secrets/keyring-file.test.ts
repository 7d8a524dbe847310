import { chmod, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

import { addPrimaryKey, keyringFilePath, loadKeyringFile } from './keyring-file';
import { generateSecretKey } from './sealed-secret';
import { createSecretKeyring } from './secret-keyring';
import { openServerKeyring } from './server-keyring';

let dataDir: string;
beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'opsledger-keyring-')), 'data');
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
const ROW = 'opsledger:hblock-user:team:ops';

describe('secret-keys.json', () => {
  it('is created 0600 with one key on the first start and read back unchanged after', async () => {
    const [first] = await loadKeyringFile(dataDir);
    expect(await modeOf(keyringFilePath(dataDir))).toBe(0o600);
    const again = await loadKeyringFile(dataDir);
    expect(again.map((k) => k.id)).toEqual([first?.id]);
    expect(again[0]?.material.equals(first?.material ?? Buffer.alloc(0))).toBe(true);
  });

  it('is refused, with what to do, when others may read it or it is malformed', async () => {
    await loadKeyringFile(dataDir);
    const path = keyringFilePath(dataDir);
    await chmod(path, 0o644);
    await expect(loadKeyringFile(dataDir)).rejects.toThrow(
      `${path}: must be readable by its owner only (mode 644): chmod 600 it`,
    );
    await writeFile(path, '{"keys":[{"id":"k1","key":"short","createdAt":"x"}]}', { mode: 0o600 });
    await chmod(path, 0o600);
    await expect(loadKeyringFile(dataDir)).rejects.toThrow(`${path}: keys.0.key: must be 32 bytes`);
    await writeFile(path, 'nope');
    await expect(loadKeyringFile(dataDir)).rejects.toThrow(`${path}: is not valid JSON`);
  });

  it('takes a new primary key in front of the old ones and stays 0600', async () => {
    const [old] = await loadKeyringFile(dataDir);
    const next = generateSecretKey();
    await addPrimaryKey(dataDir, next);
    expect((await loadKeyringFile(dataDir)).map((k) => k.id)).toEqual([next.id, old?.id]);
    expect(await modeOf(keyringFilePath(dataDir))).toBe(0o600);
  });

  it('lets a running server open what was sealed with a key added beside it', async () => {
    const running = await openServerKeyring({ dataDir });
    const next = generateSecretKey();
    const keys = await addPrimaryKey(dataDir, next);
    const sealed = createSecretKeyring({ keys }).seal('hbs_x', ROW);
    expect(await running.open(sealed, ROW)).toBe('hbs_x');
    expect(running.primaryId()).toBe(next.id);
  });
});
