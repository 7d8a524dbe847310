import { describe, expect, it } from 'vitest';

import { generateSecretKey, parseSealed } from './sealed-secret';
import { createSecretKeyring } from './secret-keyring';

const ROW = 'opsledger:access-key:team-a:ak_1';

describe('the secret keyring', () => {
  it('stores a ciphertext that names its key, not the secret, and opens it for its row', async () => {
    const key = generateSecretKey();
    const keyring = createSecretKeyring({ keys: [key] });
    const sealed = keyring.seal('s3cret', ROW);
    expect(sealed).not.toContain('s3cret');
    expect(sealed.startsWith(`v1:${key.id}:`)).toBe(true);
    expect(keyring.seal('s3cret', ROW)).not.toBe(sealed); // a fresh IV each time
    expect(await keyring.open(sealed, ROW)).toBe('s3cret');
  });

  it('does not open a ciphertext for another row, a changed one, or a clear text', async () => {
    const keyring = createSecretKeyring({ keys: [generateSecretKey()] });
    const sealed = keyring.seal('s3cret', ROW);
    expect(await keyring.open(sealed, 'opsledger:access-key:team-b:ak_1')).toBeNull();
    expect(await keyring.open(sealed, 'opsledger:hblock-user:team-a:ak_1')).toBeNull();
    const parts = sealed.split(':');
    parts[4] = Buffer.from('t0tally-other').toString('base64url');
    expect(await keyring.open(parts.join(':'), ROW)).toBeNull();
    expect(await keyring.open('s3cret', ROW)).toBeNull();
    expect(parseSealed('hbs_abc')).toBeNull();
  });

  it('seals with the primary key and still opens what older keys sealed', async () => {
    const [old, next] = [generateSecretKey(), generateSecretKey()];
    const before = createSecretKeyring({ keys: [old] }).seal('a', ROW);
    const rotated = createSecretKeyring({ keys: [next, old] });
    expect(rotated.primaryId()).toBe(next.id);
    expect(parseSealed(rotated.seal('b', ROW))?.keyId).toBe(next.id);
    expect(await rotated.open(before, ROW)).toBe('a');
  });

  it('reloads its keys for an unknown key id, and names a key it still lacks', async () => {
    const [old, next] = [generateSecretKey(), generateSecretKey()];
    let reloads = 0;
    const running = createSecretKeyring({
      keys: [old],
      reload: async () => {
        reloads += 1;
        return [next, old];
      },
    });
    const sealedByNext = createSecretKeyring({ keys: [next] }).seal('n', ROW);
    expect(await running.open(sealedByNext, ROW)).toBe('n');
    expect(running.primaryId()).toBe(next.id);
    expect(reloads).toBe(1);

    const lost = createSecretKeyring({ keys: [generateSecretKey()] }).seal('x', ROW);
    const fixed = createSecretKeyring({ keys: [old] });
    await expect(fixed.open(lost, ROW)).rejects.toThrow(
      /key k[0-9a-f]{8}, which the secret keyring/,
    );
  });
});
