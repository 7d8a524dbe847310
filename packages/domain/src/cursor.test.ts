import { describe, expect, it } from 'vitest';

import {
  decodeCursor,
  decodeIdCursor,
  encodeCursor,
  encodeIdCursor,
  InvalidCursorError,
} from './cursor';

describe('cursor codec', () => {
  it('round-trips the exact sort value and seq', () => {
    const key = ['2026-11-23T10:59:30.123Z', 4_000_000_001] as const;
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it('round-trips non-ASCII sort values', () => {
    expect(decodeCursor(encodeCursor(['Übersicht ✓', 7]))).toEqual(['Übersicht ✓', 7]);
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['empty', ''],
    ['valid base64 of other JSON', btoa('{"a":1}')],
    ['wrong version', btoa(JSON.stringify([2, 'x', 1]))],
    ['negative seq', btoa(JSON.stringify([1, 'x', -1]))],
    ['fractional seq', btoa(JSON.stringify([1, 'x', 1.5]))],
  ])('rejects %s', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });
});

describe('id cursor codec', () => {
  const key = ['2026-11-23T10:59:30.123Z', '0b5e4a0e-8d0c-4a4e-9c55-1f0d8f6a2b11'] as const;

  it('round-trips the sort value and the row id', () => {
    expect(decodeIdCursor(encodeIdCursor(key))).toEqual(key);
  });

  it('refuses seq cursors, and id cursors where a seq cursor is expected', () => {
    expect(() => decodeIdCursor(encodeCursor(['x', 1]))).toThrow(InvalidCursorError);
    expect(() => decodeCursor(encodeIdCursor(key))).toThrow(InvalidCursorError);
  });

  it('refuses an id that is not a uuid', () => {
    expect(() => decodeIdCursor(btoa(JSON.stringify(['id1', 'x', 'nope'])))).toThrow(
      InvalidCursorError,
    );
  });
});
