import { isUtf8 } from 'node:buffer';

import { redactJson } from './redact-secrets';

/** Larger bodies (batches of events) are not parsed for the log: only their size is kept. */
export const MAX_PARSED_BODY_BYTES = 64 * 1024;
/** The event store's limit on `detail.body` (the domain's Text). */
const MAX_RECORDED_BODY_CHARS = 10_000;

const omitted = (bytes: number, reason: string) =>
  JSON.stringify({ omitted: `${bytes} bytes`, reason });

/**
 * What the request log keeps of a request body: JSON with its secrets redacted, or a short
 * summary when the body is too large, not JSON, or too large once redacted. Nothing for an
 * empty body.
 */
export function recordedBody(body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  if (body.length > MAX_PARSED_BODY_BYTES) return omitted(body.length, 'too large to record');
  if (!isUtf8(body)) return omitted(body.length, 'not JSON');
  let redacted: string;
  try {
    redacted = JSON.stringify(redactJson(JSON.parse(body.toString('utf8'))));
  } catch {
    // Not JSON, or nested too deep to walk: neither is recorded as text.
    return omitted(body.length, 'not JSON');
  }
  return redacted.length <= MAX_RECORDED_BODY_CHARS
    ? redacted
    : omitted(body.length, 'too large to record');
}
