import { and, events, not, or, sql, type SQL } from '@opsledger/db';
import {
  ACTIVITY_SEARCH_FIELDS,
  AUDIT_SEARCH_FIELDS,
  parseSearchQuery,
  SearchSyntaxError,
  searchTimeBounds,
  type SearchFields,
  type SearchTerm,
  type SearchValue,
} from '@opsledger/domain';

import { invalidField } from '../../errors';
import { sqlInstant } from '../sql-instant';

/**
 * The document free text matches: exactly the expression of the events_search_text_idx GIN
 * index (migration "search_indexes"), or PostgreSQL cannot use it.
 */
const SEARCH_DOCUMENT = sql`to_tsvector('simple'::regconfig, coalesce(${events.action}, '') || ' ' || coalesce(${events.content}, '') || ' ' || coalesce(${events.targetTitle}, ''))`;

type Column =
  | typeof events.scope
  | typeof events.category
  | typeof events.action
  | typeof events.content
  | typeof events.actorDid
  | typeof events.ip
  | typeof events.targetId
  | typeof events.targetTitle;

/** Where a field lives: a column, a payload member (jsonb containment), or the event's time. */
type FieldTarget = { column: Column } | { payload: string } | { time: true };

interface SearchableStream {
  fields: SearchFields;
  targets: Record<string, FieldTarget>;
}

const SEARCHABLE: Record<'audit' | 'activity', SearchableStream> = {
  audit: {
    fields: AUDIT_SEARCH_FIELDS,
    targets: {
      scope: { column: events.scope },
      category: { column: events.category },
      action: { column: events.action },
      content: { column: events.content },
      actor: { column: events.actorDid },
      ip: { column: events.ip },
      created: { time: true },
    },
  },
  activity: {
    fields: ACTIVITY_SEARCH_FIELDS,
    targets: {
      companyId: { column: events.scope },
      sourceId: { column: events.targetId },
      resourceType: { column: events.category },
      sequenceKey: { payload: 'sequenceKey' },
      websiteUuid: { payload: 'websiteUuid' },
      keypoint: { payload: 'keypoint' },
      endpoint: { payload: 'endpoint' },
      title: { column: events.targetTitle },
      created: { time: true },
    },
  },
};

/**
 * A LIKE pattern that matches `text` literally anywhere: its own %, _ and \ are escaped
 * (pg_trgm indexes serve it).
 */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

function timeCondition(value: SearchValue): SQL {
  const at = events.occurredAt;
  if (value.kind === 'range') {
    const from = searchTimeBounds(value.from).first;
    const to = searchTimeBounds(value.to).last;
    return sql`${at} between ${sqlInstant(from)} and ${sqlInstant(to)}`;
  }
  const { first, last } = searchTimeBounds(value.text);
  if (value.kind === 'text') return sql`${at} between ${sqlInstant(first)} and ${sqlInstant(last)}`;
  switch (value.op) {
    case '>=':
      return sql`${at} >= ${sqlInstant(first)}`;
    case '>':
      return sql`${at} > ${sqlInstant(last)}`;
    case '<=':
      return sql`${at} <= ${sqlInstant(last)}`;
    case '<':
      return sql`${at} < ${sqlInstant(first)}`;
  }
}

function fieldCondition(stream: SearchableStream, field: string, value: SearchValue): SQL {
  const target = stream.targets[field];
  if (!target) throw new Error(`search field ${field} has no target`);
  if ('time' in target) return timeCondition(value);
  if (value.kind !== 'text') throw new Error(`search field ${field} takes text`);
  if ('payload' in target) {
    const member = stream.fields[field] === 'boolean' ? value.text === 'true' : value.text;
    return sql`${events.payload} @> ${JSON.stringify({ [target.payload]: member })}::jsonb`;
  }
  if (stream.fields[field] === 'contains') {
    return sql`${target.column} ilike ${containing(value.text)}`;
  }
  return sql`${target.column} = ${value.text}`;
}

function termCondition(stream: SearchableStream, term: SearchTerm): SQL {
  let condition: SQL;
  if (term.kind === 'field') {
    condition = fieldCondition(stream, term.field, term.value);
  } else {
    const tsquery = term.phrase
      ? sql`phraseto_tsquery('simple'::regconfig, ${term.text})`
      : sql`plainto_tsquery('simple'::regconfig, ${term.text})`;
    condition = sql`${SEARCH_DOCUMENT} @@ ${tsquery}`;
  }
  // A null column is "not equal" too: without coalesce, NOT (null) would drop the row.
  return term.negated ? not(sql`coalesce(${condition}, false)`) : condition;
}

/**
 * The `q` search as a condition on the stream's rows; a malformed query is a 400 on `q` whose
 * message names the column where it went wrong.
 */
export function searchCondition(
  streamName: 'audit' | 'activity',
  q: string | undefined,
): SQL | undefined {
  if (q === undefined) return undefined;
  const stream = SEARCHABLE[streamName];
  let parsed;
  try {
    parsed = parseSearchQuery(q, stream.fields);
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw invalidField('q', error.message);
    throw error;
  }
  const alternatives = parsed.anyOf.map((terms) =>
    and(...terms.map((term) => termCondition(stream, term))),
  );
  return alternatives.length === 1 ? alternatives[0] : or(...alternatives);
}
