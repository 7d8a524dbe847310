import { sign as totpCode } from '@blocklet/server-js/lib/signer/totp';

import type { ChaosContext } from '../context';
import { call, type Answer } from '../http/call';
import type { CaseReport } from '../report/case-report';
import { StatusTally } from '../report/status-tally';

const GUESSES = 1_000;
const IN_FLIGHT = 8;
const QUERY = JSON.stringify({ query: '{ getAuditLogs(input: {}) { code } }' });

const step = () => Math.floor(Date.now() / 30_000);

/**
 * Six-digit codes the key does not accept now or in the next step, made with the published
 * client's own signer, so a "wrong" guess can never be right by chance.
 */
function wrongCodes(secret: string, count: number): string[] {
  const now = step();
  const valid = new Set([-1, 0, 1, 2].map((offset) => totpCode(secret, now + offset)));
  const codes: string[] = [];
  for (let n = 0; codes.length < count; n++) {
    const code = String((n * 7_919 + 104_729) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) codes.push(code);
  }
  return codes;
}

const accepted = (answer: Answer) => answer.status === 200 && answer.text.includes('"code":"ok"');

/**
 * Case 7: 1,000 wrong TOTP codes against /api/compat/blocklet for a known access key id, eight
 * at a time. Failed attempts must be met with 429s, and once they are, the right code must not
 * get in either.
 */
export async function totpGuessing(ctx: ChaosContext, report: CaseReport): Promise<void> {
  const team = await ctx.teams.create('totp');
  const key = await team.owner.accessKeys.create.mutate({ alg: 'totp', role: 'viewer' });
  const send = (code: string) =>
    call(
      `${ctx.server.url}/api/compat/blocklet`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-access-key-id': key.accessKeyId,
          'x-access-alg': 'totp',
          'x-access-signature': code,
        },
        body: QUERY,
      },
      10_000,
    );

  const statuses = new StatusTally();
  let wrongAccepted = 0;
  const codes = wrongCodes(key.accessKeySecret, GUESSES);
  const guessers = Array.from({ length: IN_FLIGHT }, async () => {
    for (let code = codes.pop(); code !== undefined; code = codes.pop()) {
      const answer = await send(code);
      statuses.add(answer.status);
      if (accepted(answer)) wrongAccepted++;
    }
  });
  await Promise.all(guessers);
  const right = await send(totpCode(key.accessKeySecret, step()));

  const limited = statuses.count(429);
  report.note('guesses', GUESSES);
  report.note('answers', statuses.toString());
  report.expect('429s', limited, limited > 0, 'must be > 0');
  report.expectZero('wrong_codes_accepted', wrongAccepted);
  const rightGotIn = accepted(right);
  report.expect(
    'right_code_after_block',
    rightGotIn ? 'accepted' : right.status,
    limited === 0 || !rightGotIn,
    'must not be accepted once blocked',
  );
}
