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

/** Decodes a cursor, throwing InvalidCursorError for anything this API did not issue. */
export function decodeCursor(cursor: string): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== VERSION ||
    typeof parsed[1] !== 'string' ||
    !Number.isSafeInteger(parsed[2]) ||
    parsed[2] < 0
  ) {
    throw new InvalidCursorError();
  }
  return [parsed[1], parsed[2]];
}
