import { z } from 'zod';

import { MAX_PAGE_SIZE } from './enums';
import { jsonSizeProblem } from './json-limits';
import {
  isStorableDay,
  isStorableInstant,
  STORABLE_DAY_MESSAGE,
  STORABLE_INSTANT_MESSAGE,
} from './time-range';

/** Largest batch a single write call accepts. */
export const MAX_BATCH = 1000;
export { MAX_PAGE_SIZE };

/**
 * An instant as an ISO-8601 string with an offset, within the years PostgreSQL can store.
 * Normalised to UTC with millisecond precision, the precision the event hash covers, so what is
 * stored is exactly what was hashed.
 */
export const Timestamp = z.iso
  .datetime({
    offset: true,
    abort: true,
    message: 'must be an ISO-8601 timestamp with a time zone',
  })
  .refine(isStorableInstant, { message: STORABLE_INSTANT_MESSAGE })
  .transform((value) => new Date(value).toISOString());
export type Timestamp = z.infer<typeof Timestamp>;

/** A calendar day, `YYYY-MM-DD`, within the years PostgreSQL can store. */
export const Day = z.iso
  .date({ abort: true, message: 'must be a date as YYYY-MM-DD' })
  .refine(isStorableDay, { message: STORABLE_DAY_MESSAGE });
export type Day = z.infer<typeof Day>;

/** An IANA time zone name such as `Europe/Berlin`. */
export const TimeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as UTC or Europe/Berlin' },
);

export const Uuid = z.uuid();

/** A UTF-16 surrogate without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/**
 * Whether PostgreSQL can store this string. It rejects NUL in text and jsonb, and a lone
 * surrogate is not UTF-8 at all; caught here they are a 400 naming the field, not a 500 later.
 */
export const isStorableText = (value: string) =>
  !value.includes('\u0000') && !LONE_SURROGATE.test(value);

/** The base of every free-text input: any string PostgreSQL can store. */
export const StorableString = z.string().refine(isStorableText, { message: UNSTORABLE_MESSAGE });

/** Short free text that identifies or labels something. */
export const Label = StorableString.trim().min(1).max(200);
/** Longer free text (messages, content, user agents). */
export const Text = StorableString.max(10_000);

type JsonPath = (string | number)[];

/** The path of the first string (member name or value) in a JSON value that cannot be stored. */
function unstorablePath(value: unknown, path: JsonPath): JsonPath | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorablePath(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key];
      const found = unstorablePath(member, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Arbitrary JSON object stored as-is: at most MAX_JSON_OBJECT_BYTES and MAX_JSON_OBJECT_DEPTH
 * levels, and every string in it, however deep, storable.
 */
export const JsonObject = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const sizeProblem = jsonSizeProblem(value);
  if (sizeProblem) {
    ctx.addIssue({ code: 'custom', message: sizeProblem });
    return;
  }
  const path = unstorablePath(value, []);
  if (path) ctx.addIssue({ code: 'custom', message: UNSTORABLE_MESSAGE, path });
});
export type JsonObject = z.infer<typeof JsonObject>;

/** A client-chosen key that makes a retried write a no-op. */
export const IdempotencyKey = StorableString.min(1).max(200);

/** A non-empty batch of at most MAX_BATCH items. */
export const batchOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, 'must hold at least one item')
    .max(MAX_BATCH, `must hold at most ${MAX_BATCH} items`);

/** A time window `[from, to]`, both optional; an inverted window is an error on `to`. */
export const TimeRange = z
  .object({ from: Timestamp.optional(), to: Timestamp.optional() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, {
    message: 'must not be before from',
    path: ['to'],
  });
