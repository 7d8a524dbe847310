import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { parseServerEnv } from './env';

const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...vars });

describe('parseServerEnv', () => {
  it('serves on port 3000 from ./.data of the folder pnpm ran in by default', () => {
    expect(parseServerEnv(env({ INIT_CWD: '/home/me/opsledger' }))).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: '/home/me/opsledger/.data',
      publicUrl: 'http://localhost:3000',
      secretKeys: undefined,
      signingKey: undefined,
      checkpoints: { everyEvents: 1000, everyMinutes: 10 },
      importHorizonDays: 3650,
      log: { level: 'info', format: 'json' },
    });
  });

  it('honours PORT, DATABASE_URL, OPSLEDGER_DATA_DIR, OPSLEDGER_PUBLIC_URL and the horizon', () => {
    const config = parseServerEnv(
      env({
        PORT: '8080',
        DATABASE_URL: 'postgres://ops@db.internal:5432/ledger',
        OPSLEDGER_DATA_DIR: 'var/data',
        OPSLEDGER_PUBLIC_URL: 'https://ops.example.com/',
        OPSLEDGER_IMPORT_HORIZON_DAYS: '36500',
        INIT_CWD: '/srv/app',
      }),
    );
    expect(config).toEqual({
      port: 8080,
      databaseUrl: 'postgres://ops@db.internal:5432/ledger',
      dataDir: join('/srv/app', 'var/data'),
      publicUrl: 'https://ops.example.com',
      secretKeys: undefined,
      signingKey: undefined,
      checkpoints: { everyEvents: 1000, everyMinutes: 10 },
      importHorizonDays: 36_500,
      log: { level: 'info', format: 'json' },
    });
  });

  it('reads the signing key and the checkpoint policy, refusing a key of the wrong size', () => {
    const key = Buffer.alloc(32, 7).toString('hex');
    const config = parseServerEnv(
      env({
        OPSLEDGER_SIGNING_KEY: key,
        OPSLEDGER_CHECKPOINT_EVERY_EVENTS: '50',
        OPSLEDGER_CHECKPOINT_EVERY_MINUTES: '2',
      }),
    );
    expect(config.signingKey).toBe(key);
    expect(config.checkpoints).toEqual({ everyEvents: 50, everyMinutes: 2 });
    expect(() => parseServerEnv(env({ OPSLEDGER_SIGNING_KEY: 'abcd' }))).toThrow(
      /OPSLEDGER_SIGNING_KEY: must be 32 bytes/,
    );
  });

  it('reads OPSLEDGER_SECRET_KEYS as keys, primary first', () => {
    const [k2, k1] = [
      Buffer.alloc(32, 2).toString('base64'),
      Buffer.alloc(32, 1).toString('base64url'),
    ];
    const config = parseServerEnv(env({ OPSLEDGER_SECRET_KEYS: `k2:${k2}, k1:${k1}` }));
    expect(config.secretKeys).toEqual([
      { id: 'k2', key: k2 },
      { id: 'k1', key: k1 },
    ]);
  });

  it('refuses secret keys that are not 32 bytes, lack an id or repeat one, without echoing them', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const bad = [`k1:${key.slice(4)}`, key, `k1:${key},k1:${key}`, `k:1:${key}`, 'k1:'];
    for (const value of bad) {
      const parse = () => parseServerEnv(env({ OPSLEDGER_SECRET_KEYS: value }));
      expect(parse).toThrow(/OPSLEDGER_SECRET_KEYS/);
      expect(parse).not.toThrow(key.slice(8));
    }
  });

  it('reads an empty variable as unset', () => {
    const config = parseServerEnv(env({ PORT: '', DATABASE_URL: '', INIT_CWD: '/r' }));
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('logs JSON at info by default, pretty under next dev, as OPSLEDGER_LOG_* say otherwise', () => {
    expect(parseServerEnv(env({ NODE_ENV: 'production' })).log).toEqual({
      level: 'info',
      format: 'json',
    });
    expect(parseServerEnv(env({ NODE_ENV: 'development' })).log.format).toBe('pretty');
    const chosen = env({ OPSLEDGER_LOG_LEVEL: 'warn', OPSLEDGER_LOG_FORMAT: 'pretty' });
    expect(parseServerEnv(chosen).log).toEqual({ level: 'warn', format: 'pretty' });
    expect(() => parseServerEnv(env({ OPSLEDGER_LOG_LEVEL: 'loud' }))).toThrow(
      /OPSLEDGER_LOG_LEVEL: /,
    );
    expect(() => parseServerEnv(env({ OPSLEDGER_LOG_FORMAT: 'xml' }))).toThrow(
      /OPSLEDGER_LOG_FORMAT: /,
    );
  });

  it('names each bad variable', () => {
    expect(() => parseServerEnv(env({ PORT: 'eighty' }))).toThrow(/^Invalid environment: PORT: /);
    expect(() => parseServerEnv(env({ PORT: '70000' }))).toThrow(/PORT: /);
    expect(() => parseServerEnv(env({ DATABASE_URL: 'mysql://db/x' }))).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL/,
    );
    for (const days of ['0', '1.5', 'ten years']) {
      expect(() => parseServerEnv(env({ OPSLEDGER_IMPORT_HORIZON_DAYS: days }))).toThrow(
        /OPSLEDGER_IMPORT_HORIZON_DAYS: /,
      );
    }
    for (const url of ['ops.example.com', 'ftp://ops.example.com']) {
      expect(() => parseServerEnv(env({ OPSLEDGER_PUBLIC_URL: url }))).toThrow(
        /OPSLEDGER_PUBLIC_URL: must be an http\(s\) URL/,
      );
    }
  });
});
