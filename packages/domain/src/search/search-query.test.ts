import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  AUDIT_SEARCH_FIELDS,
  isBareWord,
  parseSearchQuery,
  printSearchQuery,
  SearchSyntaxError,
  type SearchFields,
  type SearchQuery,
  type SearchTerm,
  type SearchValue,
} from './search-query';

const FIELDS: SearchFields = { scope: 'exact', title: 'contains', flag: 'boolean', at: 'time' };

const anyText = fc.string({ minLength: 1, maxLength: 12, unit: 'binary' });
const bareWord = fc.string({ minLength: 1, maxLength: 12 }).filter(isBareWord);
const instant = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .chain((date) => fc.constantFrom(date.toISOString(), date.toISOString().slice(0, 10)));

const textValue = (kind: 'exact' | 'contains' | 'boolean' | 'time'): fc.Arbitrary<SearchValue> => {
  if (kind === 'boolean')
    return fc.constantFrom('true', 'false').map((text) => ({ kind: 'text', text }));
  if (kind === 'time') {
    return fc.oneof(
      instant.map((text): SearchValue => ({ kind: 'text', text })),
      fc
        .tuple(fc.constantFrom('>=', '<=', '>', '<' as const), instant)
        .map(([op, text]): SearchValue => ({ kind: 'compare', op, text })),
      fc.tuple(instant, instant).map(([from, to]): SearchValue => ({ kind: 'range', from, to })),
    );
  }
  return anyText.map((text) => ({ kind: 'text', text }));
};

const term: fc.Arbitrary<SearchTerm> = fc.oneof(
  fc
    .record({ negated: fc.boolean(), text: bareWord })
    .map((t): SearchTerm => ({ kind: 'text', phrase: false, ...t })),
  fc
    .record({ negated: fc.boolean(), text: anyText })
    .map((t): SearchTerm => ({ kind: 'text', phrase: true, ...t })),
  fc
    .tuple(fc.boolean(), fc.constantFrom(...Object.entries(FIELDS)))
    .chain(([negated, [field, kind]]) =>
      textValue(kind).map((value): SearchTerm => ({ kind: 'field', negated, field, value })),
    ),
);

const query: fc.Arbitrary<SearchQuery> = fc
  .array(fc.array(term, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
  .map((anyOf) => ({ anyOf }));

const columnOf = (text: string) => {
  try {
    parseSearchQuery(text, AUDIT_SEARCH_FIELDS);
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error.column;
    throw error;
  }
  return null;
};

describe('the search language', () => {
  it('reads back every query it prints', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(parseSearchQuery(printSearchQuery(q), FIELDS)).toEqual(q);
      }),
      { numRuns: 2000 },
    );
  });

  it('never fails on arbitrary input with anything but a syntax error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          parseSearchQuery(text, FIELDS);
        } catch (error) {
          expect(error).toBeInstanceOf(SearchSyntaxError);
          expect((error as SearchSyntaxError).column).toBeGreaterThanOrEqual(1);
          expect((error as SearchSyntaxError).column).toBeLessThanOrEqual(text.length + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the forms the docs show', () => {
    expect(
      parseSearchQuery(
        'deploy "disk full" -category:login created:2024-01-01..2024-01-31 OR action:"a b"',
        { ...AUDIT_SEARCH_FIELDS, action: 'contains' },
      ),
    ).toEqual({
      anyOf: [
        [
          { kind: 'text', negated: false, text: 'deploy', phrase: false },
          { kind: 'text', negated: false, text: 'disk full', phrase: true },
          {
            kind: 'field',
            negated: true,
            field: 'category',
            value: { kind: 'text', text: 'login' },
          },
          {
            kind: 'field',
            negated: false,
            field: 'created',
            value: { kind: 'range', from: '2024-01-01', to: '2024-01-31' },
          },
        ],
        [{ kind: 'field', negated: false, field: 'action', value: { kind: 'text', text: 'a b' } }],
      ],
    });
  }, 10_000);

  it('points at the column where a query goes wrong', () => {
    expect(columnOf('deploy "disk full')).toBe(8);
    expect(columnOf('scope:a colour:red')).toBe(9);
    expect(columnOf('created:>=2024-13-01')).toBe(11);
    expect(columnOf('created:2024-02-31')).toBe(9);
    expect(columnOf('deploy OR')).toBe(8);
    expect(columnOf('OR deploy')).toBe(1);
    expect(columnOf('scope:')).toBe(7);
    expect(columnOf('   ')).toBe(4);
  });
});
