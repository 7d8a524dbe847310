import { describe, expect, it } from 'vitest';
import { IdempotencyKey, JsonObject, Label, Text } from './common';
import { AuditLogInput } from './streams/audit-logs';
import { ActivityFilter } from './streams/activities';

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
