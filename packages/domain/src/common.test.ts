import { describe, expect, it } from 'vitest';

import { IdempotencyKey, JsonObject, Label, Text } from './common';
import { MAX_JSON_OBJECT_BYTES, MAX_JSON_OBJECT_DEPTH } from './json-limits';
import { ActivityFilter } from './streams/activities';
import { AuditLogInput } from './streams/audit-logs';
import { PassportLogInput } from './streams/passport-logs';

const NUL = 'a\u0000b';
const LONE_HIGH = 'a\uD800b';
const LONE_LOW = '\uDC00';

const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('text PostgreSQL cannot store', () => {
  it('is refused by every free-text schema', () => {
    for (const schema of [Label, Text, IdempotencyKey]) {
      for (const bad of [NUL, LONE_HIGH, LONE_LOW]) {
        expect(schema.safeParse(bad).success).toBe(false);
      }
    }
  });

  it('leaves well-formed text alone, surrogate pairs included', () => {
    expect(Label.parse('  café 😀  ')).toBe('café 😀');
    expect(Text.parse('line\nbreak\ttab')).toBe('line\nbreak\ttab');
  });

  it('is found at any depth of a JSON object, in values and member names', () => {
    expect(issuePaths(JsonObject.safeParse({ a: [{ b: NUL }] }))).toEqual(['a.0.b']);
    expect(issuePaths(JsonObject.safeParse({ deep: { [LONE_HIGH]: 1 } }))).toEqual([
      `deep.${LONE_HIGH}`,
    ]);
    expect(JsonObject.safeParse({ a: [1, null, true, { b: 'ok 😀' }] }).success).toBe(true);
  });

  it('names the field inside a stream input and a filter', () => {
    const input = { scope: 's', category: 'c', action: 'a', actor: { did: 'd' } };
    expect(issuePaths(AuditLogInput.safeParse({ ...input, content: NUL }))).toEqual(['content']);
    expect(issuePaths(AuditLogInput.safeParse({ ...input, actor: { did: LONE_LOW } }))).toEqual([
      'actor.did',
    ]);
    expect(issuePaths(ActivityFilter.safeParse({ sequenceKey: NUL }))).toEqual(['sequenceKey']);
  });
});

/** `{ a: { a: ... { a: 1 } } }` with `levels` objects. */
const nested = (levels: number): object =>
  Array.from({ length: levels - 1 }).reduce<object>((inner) => ({ a: inner }), { a: 1 });

describe('the size of a free JSON object', () => {
  const passport = { passportId: 'p1', action: 'issued' };
  const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((issue) => issue.message).join('; ');

  it('is at most 64 KiB as UTF-8 JSON, refused naming the field', () => {
    const within = { text: 'é'.repeat((MAX_JSON_OBJECT_BYTES - 20) / 2) };
    expect(JsonObject.safeParse(within).success).toBe(true);
    const over = { text: 'é'.repeat(MAX_JSON_OBJECT_BYTES / 2) };
    const refused = PassportLogInput.safeParse({ ...passport, metadata: over });
    expect(issuePaths(refused)).toEqual(['metadata']);
    expect(messageOf(refused)).toBe(
      `must be at most 64 KiB as JSON (65536 bytes), not ${MAX_JSON_OBJECT_BYTES + 11}`,
    );
  });

  it(`nests at most ${MAX_JSON_OBJECT_DEPTH} levels, arrays included`, () => {
    expect(JsonObject.safeParse(nested(MAX_JSON_OBJECT_DEPTH)).success).toBe(true);
    const refused = PassportLogInput.safeParse({
      ...passport,
      metadata: nested(MAX_JSON_OBJECT_DEPTH + 1),
    });
    expect(issuePaths(refused)).toEqual(['metadata']);
    expect(messageOf(refused)).toBe(`must not nest deeper than ${MAX_JSON_OBJECT_DEPTH} levels`);
    const arrays = Array.from({ length: MAX_JSON_OBJECT_DEPTH - 1 }).reduce<unknown[]>(
      (inner) => [inner],
      [1],
    );
    expect(JsonObject.safeParse({ arrays }).success).toBe(false);
  });

  it('refuses a value that nests without end instead of walking it', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(JsonObject.safeParse(cyclic).success).toBe(false);
  });
});
