/** The query of a raw request target (`/path?a=1&b`), as the client sent it. */
export function queryOf(target: string): URLSearchParams {
  const queryStart = target.indexOf('?');
  return new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
}
