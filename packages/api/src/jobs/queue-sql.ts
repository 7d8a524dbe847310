import type { RawQuery } from '@opsledger/db';

/** What pg-boss needs of a database: `pg`'s query result shape. */
export interface QueueSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** `{"a","b"}`: how the `pg` driver sends a JS array, which pg-boss's SQL casts (`$2::uuid[]`). */
function arrayLiteral(values: unknown[]): string {
  const items = values.map((value) =>
    value === null || value === undefined
      ? 'NULL'
      : `"${(typeof value === 'object' ? JSON.stringify(value) : String(value as string | number)).replace(/[\\"]/g, (c) => `\\${c}`)}"`,
  );
  return `{${items.join(',')}}`;
}

/**
 * Parameters as `pg` would send them, for drivers that bind differently: objects as JSON text
 * (pg-boss binds job data to jsonb), arrays as array literals, dates as ISO text, undefined as
 * null.
 */
function asPgParameter(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * pg-boss's `db` over OpsLedger's connection (either driver): parameterless SQL (its migrations
 * are many statements) goes through the simple protocol, the rest as one parameterised query.
 */
export function queueSql(
  query: RawQuery,
  script: ((text: string) => Promise<Record<string, unknown>[]>) | null,
): QueueSql {
  return {
    async executeSql(text, values) {
      if ((!values || values.length === 0) && script) return { rows: await script(text) };
      return { rows: await query(text, (values ?? []).map(asPgParameter)) };
    },
  };
}
