import { z } from 'zod';

import { STREAM_NAMES, streamEntry, type StreamEntry, type StreamName } from '@opsledger/domain';

import { invalidField, ServiceError } from '../../errors';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Streams read through keyset pages: constant memory and cost at any depth. */
const KEYSET_STREAMS = STREAM_NAMES.filter((name) => {
  const { kind } = streamEntry(name).list.paging;
  return kind === 'cursor' || kind === 'connection';
});

export interface ExportQuery {
  name: StreamName;
  stream: StreamEntry;
  format: ExportFormat;
  /** The list's filter, fields as the API names them, checked by the list's own schema. */
  filter: Record<string, unknown>;
}

function streamNamed(name: string): { name: StreamName; stream: StreamEntry } {
  const found = KEYSET_STREAMS.find((candidate) => candidate === name);
  if (!found) {
    throw new ServiceError(
      'NOT_FOUND',
      `stream: no exportable stream named "${name}" (streams: ${KEYSET_STREAMS.join(', ')})`,
    );
  }
  return { name: found, stream: streamEntry(found) };
}

/** Parameters that are not filters: the format, and the team a portal session acts in. */
const NOT_FILTERS = new Set(['format', 'team']);

/** The field names of a filter schema: an object's keys, through intersections (`a.and(b)`). */
function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodIntersection) {
    const { left, right } = schema.def;
    return [...fieldsOf(left as z.ZodType), ...fieldsOf(right as z.ZodType)];
  }
  return [];
}

/** `true`/`false` for the filters that are flags (an activity's `keypoint`). */
function withBooleans(filter: Record<string, unknown>, paths: readonly string[]) {
  const converted = { ...filter };
  for (const path of paths) {
    const value = converted[path];
    if (value === 'true' || value === 'false') converted[path] = value === 'true';
  }
  return converted;
}

/**
 * What `/api/export/<stream>?format=…&<filters>` asks for. Filters are named as the list names
 * them (`actionOrContent`, `q` for the search language) or by `opsledger export`'s flags; a
 * parameter that is no filter of the stream is refused rather than ignored (an export of
 * everything when a subset was meant), and every value is checked by the list's own filter schema, each failure naming its field.
 */
export function parseExportQuery(streamName: string, params: URLSearchParams): ExportQuery {
  const { name, stream } = streamNamed(streamName);
  const formatParam = params.get('format') ?? 'csv';
  const format = EXPORT_FORMATS.find((candidate) => candidate === formatParam);
  if (!format) throw invalidField('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);

  const { flags, filter: schema } = stream.list;
  const fields = new Set([...Object.values(flags), ...fieldsOf(schema)]);
  let filter: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    if (NOT_FILTERS.has(key)) continue;
    const field = flags[key] ?? (fields.has(key) ? key : undefined);
    if (!field) {
      const accepted = [...fields].join(', ') || 'none';
      throw invalidField(key, `not a filter of the ${name} stream (its filters: ${accepted})`);
    }
    const values = params.getAll(key);
    filter[field] = values.length === 1 ? values[0] : values;
  }
  let result = schema.safeParse(filter);
  if (!result.success) {
    const flagPaths = result.error.issues
      .filter((issue) => issue.code === 'invalid_type' && issue.expected === 'boolean')
      .map((issue) => String(issue.path[0]));
    filter = withBooleans(filter, flagPaths);
    result = schema.safeParse(filter);
  }
  if (!result.success) {
    const [issue] = result.error.issues;
    throw invalidField(String(issue?.path[0] ?? 'filter'), issue?.message ?? 'is not valid');
  }
  return { name, stream, format, filter };
}
