import { isUtf8 } from 'node:buffer';

/**
 * A write's request as tRPC's fetch adapter reads it, its body already read and decoded: the
 * adapter's `json()` parses the decoded text, so the bytes are copied, checked as UTF-8 and
 * decoded once. A Request with the bytes as its body would copy them again (undici's body
 * extraction), stream them into another buffer, and decode them once more.
 */
class DecodedJsonRequest extends Request {
  readonly #text: string;

  constructor(request: Request, text: string) {
    super(request.url, { method: request.method, headers: request.headers });
    this.#text = text;
  }

  override json(): Promise<unknown> {
    // Parsed when tRPC asks, so a syntax error surfaces where it did with the real body.
    return new Promise((resolve) => resolve(JSON.parse(this.#text)));
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }
}

/** Bodies tRPC reads otherwise than by `json()` (form data, a byte stream) keep their bytes. */
const RAW_BODY_TYPES = new Set(['multipart/form-data', 'application/octet-stream']);

// A leading byte order mark is dropped, as the Fetch API's `json()` drops it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request to hand tRPC for a write whose body was read, or null when the body is not UTF-8.
 * Decoding with a fatal decoder is the UTF-8 check and the decoding in one pass.
 */
export function decodedWrite(request: Request, body: Buffer<ArrayBuffer>): Request | null {
  const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase();
  if (type !== undefined && RAW_BODY_TYPES.has(type)) {
    if (!isUtf8(body)) return null;
    return new Request(request.url, { method: request.method, headers: request.headers, body });
  }
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    return null;
  }
  return new DecodedJsonRequest(request, text);
}
