/** What the request log says about a failed response. */
export interface ResponseError {
  code: string;
  message?: string;
}

/** The error code when the body names none: the status in the native API's words. */
const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

const MAX_MESSAGE_CHARS = 1000;
/** Error bodies are small; a larger one is not read for its message. */
const MAX_READ_BYTES = 16 * 1024;

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;

/**
 * The code and message of an error body in the shapes OpsLedger answers: tRPC's
 * `{error:{message,data:{code}}}` (also in a batch), HBlock's `{code,message}`, and
 * `{error:{message}}`.
 */
function errorInBody(body: unknown): { code?: string; message?: string } {
  const first = Array.isArray(body) ? body[0] : body;
  const error = record(record(first)?.error) ?? record(first);
  return {
    code: text(record(error?.data)?.code) ?? text(error?.code),
    message: text(error?.message),
  };
}

/** Reads a failed response's copy for its error; never throws (the log must not fail). */
export async function responseError(status: number, copy: Response | null): Promise<ResponseError> {
  let found: { code?: string; message?: string } = {};
  try {
    const bytes = copy ? Buffer.from(await copy.arrayBuffer()) : Buffer.alloc(0);
    if (bytes.length > 0 && bytes.length <= MAX_READ_BYTES) {
      found = errorInBody(JSON.parse(bytes.toString('utf8')));
    }
  } catch {
    // Not JSON: the status alone describes it.
  }
  return {
    code:
      found.code ??
      STATUS_CODES[status] ??
      (status >= 500 ? 'INTERNAL_SERVER_ERROR' : String(status)),
    message: found.message?.slice(0, MAX_MESSAGE_CHARS),
  };
}
