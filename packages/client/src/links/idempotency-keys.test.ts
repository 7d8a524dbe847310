import { describe, expect, it } from 'vitest';

import { fillIdempotencyKeys, isIdempotentPath } from './idempotency-keys';

let counter = 0;
const nextKey = () => `k${++counter}`;

describe('fillIdempotencyKeys', () => {
  it('keys every batch item that has none and keeps the keys the caller chose', () => {
    const input = { items: [{ action: 'a' }, { action: 'b', idempotencyKey: 'mine' }] };
    const filled = fillIdempotencyKeys('auditLogs.recordBatch', input, nextKey);
    expect(filled.items[0]).toEqual({ action: 'a', idempotencyKey: expect.stringMatching(/^k/) });
    expect(filled.items[1]).toEqual({ action: 'b', idempotencyKey: 'mine' });
    expect(input.items[0]).toEqual({ action: 'a' });
  });

  it('keys single records and run creations with a fresh key each call', () => {
    const record: { name: string; idempotencyKey?: string } = { name: 'x' };
    const first = fillIdempotencyKeys('events.record', record);
    const second = fillIdempotencyKeys('events.record', record);
    expect(first.idempotencyKey).toEqual(expect.any(String));
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(fillIdempotencyKeys('syncs.create', { appDid: 'z1' })).toHaveProperty('idempotencyKey');
  });

  it('leaves procedures without idempotency keys alone', () => {
    const input = { items: [{ path: '/' }] };
    expect(fillIdempotencyKeys('traffic.ingest', input)).toBe(input);
    expect(fillIdempotencyKeys('apps.create', { did: 'z1' })).toEqual({ did: 'z1' });
    expect(isIdempotentPath('apiKeys.create')).toBe(false);
    expect(isIdempotentPath('passportLogs.recordBatch')).toBe(true);
  });
});
