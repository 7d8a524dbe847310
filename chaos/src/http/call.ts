/** What a request came to: an HTTP status, or no answer at all (refused/reset, or too slow). */
export interface Answer {
  status: number | 'net' | 'timeout';
  text: string;
  headers: Headers | null;
  ms: number;
}

/**
 * One HTTP request over loopback with a deadline. Never throws: a failure to answer is a
 * figure like any status. The body is read to the end, so `ms` is the whole answer's time.
 */
export async function call(url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  const began = performance.now();
  const elapsed = () => Math.round(performance.now() - began);
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { status: response.status, text, headers: response.headers, ms: elapsed() };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return { status: timedOut ? 'timeout' : 'net', text: '', headers: null, ms: elapsed() };
  }
}

const auth = (key: string | null): Record<string, string> =>
  key ? { authorization: `Bearer ${key}` } : {};

/** A tRPC query as a GET, exactly as the README's curl example sends it. */
export function trpcQuery(
  base: string,
  key: string | null,
  path: string,
  input: unknown,
  timeoutMs: number,
): Promise<Answer> {
  const query = encodeURIComponent(JSON.stringify(input));
  return call(`${base}/api/trpc/${path}?input=${query}`, { headers: auth(key) }, timeoutMs);
}

/**
 * Several tRPC queries in one batched GET, as the typed client's httpBatchLink sends them:
 * 200 only when every one succeeded.
 */
export function trpcBatchQuery(
  base: string,
  key: string | null,
  queries: [path: string, input: unknown][],
  timeoutMs: number,
): Promise<Answer> {
  const paths = queries.map(([path]) => path).join(',');
  const inputs = Object.fromEntries(queries.map(([, input], i) => [i, input]));
  const query = encodeURIComponent(JSON.stringify(inputs));
  return call(
    `${base}/api/trpc/${paths}?batch=1&input=${query}`,
    { headers: auth(key) },
    timeoutMs,
  );
}

/** A tRPC mutation as a POST of its JSON input. */
export function trpcMutation(
  base: string,
  key: string | null,
  path: string,
  input: unknown,
  timeoutMs: number,
): Promise<Answer> {
  return call(
    `${base}/api/trpc/${path}`,
    {
      method: 'POST',
      headers: { ...auth(key), 'content-type': 'application/json' },
      body: JSON.stringify(input),
    },
    timeoutMs,
  );
}
