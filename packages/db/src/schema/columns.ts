import { sql } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/**
 * Timestamps travel as ISO strings (the domain's convention). Services write them from Node
 * with millisecond precision, so a value read back equals the value hashed or put in a cursor.
 */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** Partial unique indexes on optional idempotency keys. */
export const notNullKey = sql`idempotency_key is not null`;
