/**
 * Writes the API deduplicates by a client-chosen `idempotencyKey`: repeating one of these with
 * the same key is a no-op, so a retry after a lost answer never records anything twice.
 */
const KEYED_SINGLE =
  /^(auditLogs|activities|passportLogs|events)\.record$|^(backups|syncs)\.create$/;
const KEYED_BATCH = /^(auditLogs|activities|passportLogs|events)\.recordBatch$/;

type Keyed = { idempotencyKey?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function withKey<T>(item: T, newKey: () => string): T {
  if (!isObject(item) || (item as Keyed).idempotencyKey !== undefined) return item;
  return { ...item, idempotencyKey: newKey() };
}

/** Whether repeating this call with the same input cannot record anything twice. */
export function isIdempotentPath(path: string): boolean {
  return KEYED_SINGLE.test(path) || KEYED_BATCH.test(path);
}

/**
 * Gives the input of a keyed write (`*.record`, `*.recordBatch`, `backups.create`,
 * `syncs.create`) an idempotency key on every item that has none, leaving keys the caller chose
 * alone. Run it once before the first attempt so every retry carries the same keys. Inputs of
 * other procedures come back unchanged; the caller's object is never modified.
 */
export function fillIdempotencyKeys<T>(
  path: string,
  input: T,
  newKey: () => string = () => globalThis.crypto.randomUUID(),
): T {
  if (KEYED_SINGLE.test(path)) return withKey(input, newKey);
  if (KEYED_BATCH.test(path) && isObject(input) && Array.isArray(input.items)) {
    return { ...input, items: input.items.map((item: unknown) => withKey(item, newKey)) };
  }
  return input;
}
