import { KEYED_WRITES } from '@opsledger/domain';

type Keyed = { idempotencyKey?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function withKey<T>(item: T, newKey: () => string): T {
  if (!isObject(item) || (item as Keyed).idempotencyKey !== undefined) return item;
  return { ...item, idempotencyKey: newKey() };
}

/**
 * Whether repeating this call with the same input cannot record anything twice: the API
 * deduplicates these writes by their `idempotencyKey` (the stream registry names them).
 */
export function isIdempotentPath(path: string): boolean {
  return KEYED_WRITES.has(path);
}

/**
 * Gives the input of a keyed write (`KEYED_WRITES`: `*.record`, `*.recordBatch`,
 * `backups.create`, `syncs.create`) an idempotency key on every item that has none, leaving
 * keys the caller chose alone. Run it once before the first attempt so every retry carries the same keys. Inputs of
 * other procedures come back unchanged; the caller's object is never modified.
 */
export function fillIdempotencyKeys<T>(
  path: string,
  input: T,
  newKey: () => string = () => globalThis.crypto.randomUUID(),
): T {
  const place = KEYED_WRITES.get(path);
  if (place === 'input') return withKey(input, newKey);
  if (place === 'items' && isObject(input) && Array.isArray(input.items)) {
    return { ...input, items: input.items.map((item: unknown) => withKey(item, newKey)) };
  }
  return input;
}
