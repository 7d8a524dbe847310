import type { NextServer } from './next-server';

/**
 * Polls `/api/health` every 500 ms until it answers 200 and returns its body; fails when the
 * server exits first or `timeoutMs` passes, with the last answer in the message.
 */
export async function waitForHealth(
  server: NextServer,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(`the server exited (code ${exitCode}) before it was healthy`);
    try {
      const response = await fetch(`${server.url}/api/health`);
      const body = (await response.json()) as Record<string, unknown>;
      if (response.status === 200) return body;
      last = `${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`/api/health was not 200 within ${timeoutMs / 1000} s (last: ${last})`);
}
