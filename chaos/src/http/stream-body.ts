import { request } from 'node:http';

export interface StreamedAnswer {
  status: number | 'net' | 'timeout';
  /** From the first byte sent to the answer's status line. */
  ms: number;
  /** Body bytes handed to the socket when the answer came (all of them if it came after). */
  sentAtAnswer: number;
}

/**
 * POSTs `chunks` copies of `chunk` (framed by `prefix` and `suffix`) with chunked transfer
 * encoding, so the server cannot judge the size from a Content-Length and must count while it
 * reads. Stops writing as soon as an answer arrives; a server that stops reading without
 * answering runs into `timeoutMs`.
 */
export function streamBody(
  url: string,
  headers: Record<string, string>,
  body: { prefix: string; chunk: Buffer; chunks: number; suffix: string },
  timeoutMs: number,
): Promise<StreamedAnswer> {
  return new Promise((resolve) => {
    const began = performance.now();
    let sent = 0;
    let settled = false;
    const req = request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    const finish = (status: StreamedAnswer['status']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, ms: Math.round(performance.now() - began), sentAtAnswer: sent });
      req.destroy();
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    req.on('response', (response) => {
      response.resume();
      finish(response.statusCode ?? 'net');
    });
    req.on('error', () => finish('net'));

    // Waits for the socket to take more, or for the exchange to end in any way.
    const drained = () =>
      new Promise<void>((next) => {
        const check = setInterval(() => settled && done(), 50);
        const done = () => {
          clearInterval(check);
          req.off('drain', done);
          next();
        };
        req.once('drain', done);
      });
    void (async () => {
      if (!req.write(body.prefix)) await drained();
      for (let i = 0; i < body.chunks && !settled; i++) {
        sent += body.chunk.length;
        if (!req.write(body.chunk)) await drained();
      }
      if (!settled) req.end(body.suffix);
    })();
  });
}
