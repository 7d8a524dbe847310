import { createHmac } from 'node:crypto';

/**
 * An HBlock client as an operator would write one from docs/hblock.md (HBlock publishes no npm
 * client): written out here rather than imported, so a change to the server's scheme fails.
 */
export function hblockClient(baseUrl: string) {
  return async function get(
    target: string,
    credentials: { userName: string; secret: string },
    options: { date?: Date; headers?: Record<string, string> } = {},
  ) {
    const date = (options.date ?? new Date()).toUTCString();
    const signature = createHmac('sha256', credentials.secret)
      .update(`GET\n${date}\n${target}`)
      .digest('base64');
    const response = await fetch(baseUrl + target, {
      headers: {
        date,
        authorization: `HBlock ${credentials.userName}:${signature}`,
        ...options.headers,
      },
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
}
