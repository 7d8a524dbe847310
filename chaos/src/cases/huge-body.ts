import type { ChaosContext } from '../context';
import { streamBody } from '../http/stream-body';
import type { CaseReport } from '../report/case-report';
import { megabytes } from '../server/rss';

const CHUNK_BYTES = 1024 * 1024;
const CHUNKS = 256;
const RSS_GROWTH_LIMIT_MB = 200;

/** 1 MiB of audit log items, each a valid one, each followed by a comma. */
function chunkOfItems(): Buffer {
  const item = `{"scope":"s","category":"c","action":"a","actor":{"did":"z"},"content":"${'x'.repeat(950)}"},`;
  return Buffer.from(item.repeat(Math.floor(CHUNK_BYTES / item.length)).padEnd(CHUNK_BYTES, ' '));
}

/**
 * Case 5: a 256 MB recordBatch body, streamed without a length, once without credentials
 * (401) and once with a member key (413). The answer must come before the body has been
 * sent, and the server's memory must not grow with the body.
 */
export async function hugeBody(ctx: ChaosContext, report: CaseReport): Promise<void> {
  const team = await ctx.teams.create('body');
  const key = await team.keyOf('member');
  const body = { prefix: '{"items":[', chunk: chunkOfItems(), chunks: CHUNKS, suffix: '{}]}' };
  const total = body.chunk.length * body.chunks;
  const variants: { name: string; headers: Record<string, string>; expected: number }[] = [
    { name: 'anonymous', headers: {}, expected: 401 },
    { name: 'member', headers: { authorization: `Bearer ${key}` }, expected: 413 },
  ];
  for (const variant of variants) {
    const before = ctx.server.rssBytes();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, ctx.server.rssBytes())), 100);
    const answer = await streamBody(
      `${ctx.server.url}/api/trpc/auditLogs.recordBatch`,
      variant.headers,
      body,
      60_000,
    ).finally(() => clearInterval(sampler));
    const growth = megabytes(peak - before);
    const { name, expected } = variant;
    report.expect(
      `${name}_status`,
      answer.status,
      answer.status === expected,
      `must be ${expected}`,
    );
    report.note(`${name}_ms`, answer.ms);
    report.expect(
      `${name}_sent_mb_at_answer`,
      megabytes(answer.sentAtAnswer),
      answer.sentAtAnswer < total,
      `must answer before the ${megabytes(total)} MB body ends`,
    );
    report.note(`${name}_rss_mb`, `${megabytes(before)}->${megabytes(peak)}`);
    report.expect(
      `${name}_rss_growth_mb`,
      growth,
      growth < RSS_GROWTH_LIMIT_MB,
      `must stay under ${RSS_GROWTH_LIMIT_MB}`,
    );
  }
}
