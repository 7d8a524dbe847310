import { ServiceError } from '../errors';

/** `8 MiB`, `256 KiB`, `900 bytes`: a limit as a person reads it. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export const bodyTooLarge = (limitBytes: number) =>
  new ServiceError(
    'PAYLOAD_TOO_LARGE',
    `body: must be at most ${describeBytes(limitBytes)} (${limitBytes} bytes)`,
  );

/**
 * The client went away before its whole body arrived. Nobody is left to answer, but the request
 * log names it for what it is: the socket's ECONNRESET would otherwise read as a lost database
 * connection (the same code) and be logged as an outage.
 */
export const bodyIncomplete = () =>
  new ServiceError('BAD_REQUEST', 'body: the connection closed before the whole body arrived');

/** The body size a request declares, or null when it declares none (chunked) or nonsense. */
export function declaredLength(headers: Headers): number | null {
  const value = headers.get('content-length');
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

/**
 * Reads a request body as it streams in, and stops as soon as it passes `limitBytes` (a
 * `content-length` above the limit is refused before anything is read). The stream is left
 * unread, not cancelled: cancelling a Node request's stream destroys its socket, and with it the
 * 413 on its way to the client; the caller closes the connection after answering instead.
 */
export async function readBoundedBody(
  request: Request,
  limitBytes: number,
): Promise<Buffer<ArrayBuffer>> {
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > limitBytes) throw bodyTooLarge(limitBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw bodyIncomplete();
      });
      if (done) break;
      received += value.byteLength;
      if (received > limitBytes) throw bodyTooLarge(limitBytes);
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  // concat allocates a fresh (never shared) ArrayBuffer, which the Fetch types require.
  return Buffer.concat(chunks, received);
}
