/**
 * Opaque keyset cursors. A cursor carries the sort key of the last row a page returned,
 * exactly as the database holds it (timestamps as their text form with microseconds, so rows
 * sharing a millisecond are never skipped), plus the per-team `seq` that breaks ties.
 */
export type CursorKey = readonly [sortValue: string, seq: number];

export class InvalidCursorError extends Error {
  constructor() {
    super('is not a cursor this API issued');
    this.name = 'InvalidCursorError';
  }
}

const VERSION = 1;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new InvalidCursorError();
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeCursor(key: CursorKey): string {
  return toBase64Url(JSON.stringify([VERSION, ...key]));
}

function parseCursor(cursor: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed)) throw new InvalidCursorError();
  return parsed;
}

/** Decodes a cursor, throwing InvalidCursorError for anything this API did not issue. */
export function decodeCursor(cursor: string): CursorKey {
  const parsed = parseCursor(cursor);
  if (
    parsed.length !== 3 ||
    parsed[0] !== VERSION ||
    typeof parsed[1] !== 'string' ||
    !Number.isSafeInteger(parsed[2]) ||
    (parsed[2] as number) < 0
  ) {
    throw new InvalidCursorError();
  }
  return [parsed[1], parsed[2] as number];
}

/**
 * The key of a mutable table without a per-team seq (backups): the row's uuid breaks ties.
 * Tagged apart from seq cursors so that one list never accepts the other's cursor.
 */
export type IdCursorKey = readonly [sortValue: string, id: string];

const ID_TAG = 'id1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeIdCursor(key: IdCursorKey): string {
  return toBase64Url(JSON.stringify([ID_TAG, ...key]));
}

/** Decodes an id cursor, throwing InvalidCursorError for anything this API did not issue. */
export function decodeIdCursor(cursor: string): IdCursorKey {
  const parsed = parseCursor(cursor);
  const [tag, sortValue, id] = parsed;
  if (
    parsed.length !== 3 ||
    tag !== ID_TAG ||
    typeof sortValue !== 'string' ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    throw new InvalidCursorError();
  }
  return [sortValue, id];
}
