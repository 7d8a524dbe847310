import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';

export interface StreamedPostResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Body bytes the client had handed to its socket when the answer came. */
  bytesSent: number;
  /** Whether the client had sent its whole body before the answer came. */
  sentAll: boolean;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/**
 * POSTs a body of `totalBytes` the way a slow or hostile client would: chunk after chunk, each as
 * soon as the server takes the last, and stops sending once an answer arrives. Without
 * `contentLength` the body goes chunked (its size unannounced); with it, that length is declared
 * and the body still streams.
 */
export function streamedPost(options: {
  url: string;
  headers?: OutgoingHttpHeaders;
  totalBytes: number;
  contentLength?: number;
}): Promise<StreamedPostResult> {
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/json', ...options.headers };
  if (options.contentLength !== undefined) headers['content-length'] = options.contentLength;
  return new Promise((resolve, reject) => {
    // A declared length above what is sent leaves the body unfinished: only an answer from the
    // headers alone can end the exchange.
    const promisesMore = (options.contentLength ?? 0) > options.totalBytes;
    let bytesSent = 0;
    let answered = false;
    const request = httpRequest(options.url, { method: 'POST', headers });
    request.on('response', (response) => {
      answered = true;
      const sentAll = bytesSent >= options.totalBytes;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        request.destroy();
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
          bytesSent,
          sentAll,
        });
      });
    });
    // Once answered, the server may close the connection under the rest of the body.
    request.on('error', (error) => (answered ? undefined : reject(error)));
    request.flushHeaders();

    const sendMore = () => {
      while (!answered && bytesSent < options.totalBytes) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, options.totalBytes - bytesSent));
        bytesSent += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', sendMore);
          return;
        }
      }
      if (!answered && !promisesMore) request.end();
    };
    sendMore();
  });
}
