/**
 * The search language of the audit and activity logs, one grammar for the native API's `q`,
 * the CLI's `export --q` and the portal's search box:
 *
 *   deploy "disk full" scope:billing -category:login created:>=2024-01-01 OR action:*sign*
 *
 * Terms side by side must all match; `OR` separates alternatives (AND binds tighter, there are
 * no parentheses). A bare word or a "quoted phrase" is free text (full-text search); `field:value`
 * matches a field, `-` in front negates a term, and time fields take `>=`, `<=`, `>`, `<` or a
 * `from..to` range. Pure: the API turns a parsed query into SQL (packages/api).
 */

export type CompareOp = '>=' | '<=' | '>' | '<';

export type SearchValue =
  | { kind: 'text'; text: string }
  | { kind: 'compare'; op: CompareOp; text: string }
  | { kind: 'range'; from: string; to: string };

export type SearchTerm =
  | { kind: 'field'; negated: boolean; field: string; value: SearchValue }
  /** Free text; a word (phrase: false) is always one that prints bare (see isBareWord). */
  | { kind: 'text'; negated: boolean; text: string; phrase: boolean };

/** Alternatives (OR) of conjunctions (terms side by side); never empty. */
export interface SearchQuery {
  anyOf: SearchTerm[][];
}

/** How a stream's field is matched; parse refuses values a field cannot take. */
export type SearchFieldKind = 'exact' | 'contains' | 'boolean' | 'time';
export type SearchFields = Readonly<Record<string, SearchFieldKind>>;

/** A malformed query; `column` (1-based) is where it went wrong. */
export class SearchSyntaxError extends Error {
  constructor(
    readonly column: number,
    readonly problem: string,
  ) {
    super(`column ${column}: ${problem}`);
    this.name = 'SearchSyntaxError';
  }
}

export const MAX_SEARCH_QUERY_LENGTH = 1000;

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const COMPARE = /^(>=|<=|>|<)/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Whether `text` can stand bare (unquoted) as a word or a value and read back as itself: no
 * space, quote, backslash, colon or parenthesis, no leading `-`, `<` or `>`, no `..`, not `OR`.
 */
export function isBareWord(text: string): boolean {
  return (
    text.length > 0 &&
    text !== 'OR' &&
    !/[\s"\\:()]/.test(text) &&
    !/^[-<>]/.test(text) &&
    !text.includes('..')
  );
}

const quote = (text: string) => `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
const bareOrQuoted = (text: string) => (isBareWord(text) ? text : quote(text));

function printValue(value: SearchValue): string {
  if (value.kind === 'text') return bareOrQuoted(value.text);
  if (value.kind === 'compare') return `${value.op}${value.text}`;
  return `${value.from}..${value.to}`;
}

function printTerm(term: SearchTerm): string {
  const sign = term.negated ? '-' : '';
  if (term.kind === 'field') return `${sign}${term.field}:${printValue(term.value)}`;
  return `${sign}${term.phrase ? quote(term.text) : term.text}`;
}

/** The query as text that parses back to it. */
export function printSearchQuery(query: SearchQuery): string {
  return query.anyOf.map((terms) => terms.map(printTerm).join(' ')).join(' OR ');
}

/** A time bound as written in a query: a day (YYYY-MM-DD) or an ISO instant with its offset. */
export function isSearchTime(text: string): boolean {
  if (!DATE_ONLY.test(text) && !INSTANT.test(text)) return false;
  // A real calendar day (no 2024-02-31, which Date.parse rolls into March).
  const day = text.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return false;
  return DATE_ONLY.test(text) || !Number.isNaN(Date.parse(text));
}

class Reader {
  position = 0;
  constructor(readonly text: string) {}

  get done() {
    return this.position >= this.text.length;
  }
  get char() {
    return this.text[this.position] ?? '';
  }
  fail(problem: string, at = this.position): never {
    throw new SearchSyntaxError(at + 1, problem);
  }
  skipSpace() {
    while (!this.done && /\s/.test(this.char)) this.position++;
  }
  /** Up to the next white space. */
  bare(): string {
    const start = this.position;
    while (!this.done && !/\s/.test(this.char)) {
      if (this.char === '"') this.fail('a quote may only open a phrase or a value');
      this.position++;
    }
    return this.text.slice(start, this.position);
  }
  /** A "quoted" text, the reader on its opening quote; `\"` and `\\` escape. */
  quoted(): string {
    const open = this.position;
    this.position++;
    let out = '';
    for (;;) {
      if (this.done) this.fail('this quote is never closed', open);
      const char = this.char;
      this.position++;
      if (char === '"') break;
      if (char === '\\') {
        if (this.done) this.fail('this quote is never closed', open);
        out += this.char;
        this.position++;
      } else {
        out += char;
      }
    }
    if (!this.done && !/\s/.test(this.char)) this.fail('expected a space after the closing quote');
    if (out.length === 0) this.fail('an empty phrase matches nothing', open);
    return out;
  }
}

function parseValue(reader: Reader, field: string, kind: SearchFieldKind): SearchValue {
  const start = reader.position;
  if (reader.done || /\s/.test(reader.char)) reader.fail(`expected a value after "${field}:"`);
  if (reader.char === '"') return checkedText(reader, field, kind, reader.quoted(), start);
  const raw = reader.bare();
  const compare = COMPARE.exec(raw);
  if (compare) {
    const op = compare[1] as CompareOp;
    const text = raw.slice(op.length);
    if (kind !== 'time') reader.fail(`"${field}" cannot be compared with ${op}`, start);
    if (!isSearchTime(text)) {
      reader.fail('expected a day (YYYY-MM-DD) or an ISO time', start + op.length);
    }
    return { kind: 'compare', op, text };
  }
  if (raw.includes('..')) {
    const split = raw.indexOf('..');
    const from = raw.slice(0, split);
    const to = raw.slice(split + 2);
    if (kind !== 'time') reader.fail(`"${field}" takes no range`, start);
    if (!isSearchTime(from)) reader.fail('expected a day (YYYY-MM-DD) or an ISO time', start);
    if (!isSearchTime(to)) {
      reader.fail('expected a day (YYYY-MM-DD) or an ISO time', start + split + 2);
    }
    return { kind: 'range', from, to };
  }
  if (!isBareWord(raw) && kind !== 'time') reader.fail('put this value in quotes', start);
  return checkedText(reader, field, kind, raw, start);
}

function checkedText(
  reader: Reader,
  field: string,
  kind: SearchFieldKind,
  text: string,
  start: number,
): SearchValue {
  if (kind === 'time' && !isSearchTime(text)) {
    reader.fail('expected a day (YYYY-MM-DD) or an ISO time', start);
  }
  if (kind === 'boolean' && text !== 'true' && text !== 'false') {
    reader.fail(`"${field}" is true or false`, start);
  }
  return { kind: 'text', text };
}

function parseTerm(reader: Reader, fields: SearchFields): SearchTerm {
  const start = reader.position;
  let negated = false;
  if (reader.char === '-') {
    negated = true;
    reader.position++;
    if (reader.done || /\s/.test(reader.char)) reader.fail('expected a term after "-"', start);
  }
  if (reader.char === '"') {
    return { kind: 'text', negated, text: reader.quoted(), phrase: true };
  }
  const wordStart = reader.position;
  const rest = reader.text.slice(wordStart);
  const colon = /^[^\s":]*:/.exec(rest);
  if (colon) {
    const field = colon[0].slice(0, -1);
    if (!FIELD_NAME.test(field)) reader.fail('expected a field name before ":"', wordStart);
    const kind = fields[field];
    if (kind === undefined) {
      const known = Object.keys(fields).join(', ');
      reader.fail(`unknown field "${field}" (this log has: ${known})`, wordStart);
    }
    reader.position += colon[0].length;
    return { kind: 'field', negated, field, value: parseValue(reader, field, kind) };
  }
  const word = reader.bare();
  if (word === 'OR') reader.fail('"OR" needs a term on each side', wordStart);
  if (!isBareWord(word)) reader.fail('put this text in quotes', wordStart);
  return { kind: 'text', negated, text: word, phrase: false };
}

/** Parses a query against the fields its log has; a malformed one names the column. */
export function parseSearchQuery(text: string, fields: SearchFields): SearchQuery {
  if (text.length > MAX_SEARCH_QUERY_LENGTH) {
    throw new SearchSyntaxError(MAX_SEARCH_QUERY_LENGTH + 1, 'the query is too long');
  }
  const reader = new Reader(text);
  const anyOf: SearchTerm[][] = [];
  let terms: SearchTerm[] = [];
  reader.skipSpace();
  if (reader.done) reader.fail('the query is empty');
  while (!reader.done) {
    const at = reader.position;
    if (/^OR(\s|$)/.test(reader.text.slice(at))) {
      if (terms.length === 0) reader.fail('"OR" needs a term on each side');
      anyOf.push(terms);
      terms = [];
      reader.position += 2;
      reader.skipSpace();
      if (reader.done) reader.fail('"OR" needs a term on each side', at);
      continue;
    }
    terms.push(parseTerm(reader, fields));
    reader.skipSpace();
  }
  anyOf.push(terms);
  return { anyOf };
}

/** The first and last instants a time value covers (a day covers all of it). */
export function searchTimeBounds(text: string): { first: string; last: string } {
  if (DATE_ONLY.test(text)) {
    return { first: `${text}T00:00:00.000Z`, last: `${text}T23:59:59.999Z` };
  }
  const instant = new Date(text).toISOString();
  return { first: instant, last: instant };
}

/** The fields of the audit log's search. */
export const AUDIT_SEARCH_FIELDS: SearchFields = {
  scope: 'exact',
  category: 'exact',
  action: 'contains',
  content: 'contains',
  actor: 'exact',
  ip: 'exact',
  created: 'time',
};

/** The fields of the activity log's search (payload fields are indexed: see the migrations). */
export const ACTIVITY_SEARCH_FIELDS: SearchFields = {
  companyId: 'exact',
  sourceId: 'exact',
  sequenceKey: 'exact',
  websiteUuid: 'exact',
  resourceType: 'exact',
  keypoint: 'boolean',
  endpoint: 'boolean',
  title: 'contains',
  created: 'time',
};
