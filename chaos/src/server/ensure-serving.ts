import type { ChaosContext } from '../context';
import { call, trpcQuery } from '../http/call';

/**
 * Checks that the server answers health and a read; if it does not, starts it again and says
 * why (the reason is printed, so a case that broke the server is visible in the output).
 */
export async function ensureServing(ctx: ChaosContext): Promise<string | null> {
  const health = await call(`${ctx.server.url}/api/health`, {}, 5_000);
  const read = await trpcQuery(
    ctx.server.url,
    ctx.teams.demo.ownerKey,
    'auditLogs.list',
    { pageSize: 1 },
    5_000,
  );
  if (health.status === 200 && read.status === 200) return null;
  await ctx.server.startAgain();
  return `health ${health.status}, read ${read.status}`;
}
