import { describe, expect, it } from 'vitest';

import { toServiceError } from '../errors';
import { readBoundedBody } from './bounded-body';

/** A POST whose body stream fails after its first chunk, as a client that hangs up mid-body. */
function abandonedPost(): Request {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"items":['));
        return;
      }
      controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    },
  });
  return new Request('http://localhost/api/trpc/auditLogs.recordBatch', {
    method: 'POST',
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('a request body the client stops sending', () => {
  it('is a 400 naming the body, not a database outage (both are ECONNRESET)', async () => {
    const error = await readBoundedBody(abandonedPost(), 1024 * 1024).catch((e: unknown) => e);
    const judged = toServiceError(error);
    expect(judged?.code).toBe('BAD_REQUEST');
    expect(judged?.message).toMatch(/^body: the connection closed/);
  });
});
