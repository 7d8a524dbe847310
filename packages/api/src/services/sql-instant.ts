import { sql } from '@opsledger/db';

/**
 * An ISO instant as a SQL value. Cast from text in SQL: postgres.js would otherwise round a
 * timestamptz parameter to milliseconds (docs/stack-notes.md), and a cursor must compare exactly.
 */
export const sqlInstant = (iso: string) => sql`${iso}::text::timestamptz`;

/** A timestamptz as the database returns it (text), as the API's ISO string. */
export const isoInstant = (text: string) => new Date(text).toISOString();

export const isoInstantOrNull = (text: string | null) => (text === null ? null : isoInstant(text));
