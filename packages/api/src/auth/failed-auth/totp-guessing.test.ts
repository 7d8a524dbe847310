import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CreatedAccessKey } from '@opsledger/domain';

import { postGraphql } from '../../compat/blocklet/blocklet-client.testing';
import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../../testing';
import { hotpCode, timeStep } from '../access-keys/time-step-codes';
import { DEFAULT_FAILED_AUTH_LIMITS } from './failed-auth-limits';
import { expectRetryAfter, failureSummaries, freshAddress, totals } from './failed-auth.testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database, { forwardedFor: true });
});
afterAll(async () => {
  await served.close();
  await api.close();
});

const QUERY = JSON.stringify({ query: '{ getAuditLogs(input: {}) { list { action } } }' });
const PER_MINUTE = DEFAULT_FAILED_AUTH_LIMITS.credential[0]?.failures ?? 0;

async function totpKey(): Promise<{ team: TestTeam; key: CreatedAccessKey }> {
  const team = await api.newTeam();
  return { team, key: await team.owner.accessKeys.create({ alg: 'totp', name: 'dashboard' }) };
}

/** The codes valid now, and `count` six-digit codes that are not. */
function codes(secret: string, count: number) {
  const step = timeStep(Date.now());
  const valid = [step - 1, step, step + 1].map((s) => hotpCode(secret, s));
  const wrong: string[] = [];
  for (let n = 0; wrong.length < count; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!valid.includes(code)) wrong.push(code);
  }
  return { right: hotpCode(secret, step), wrong };
}

const send = (key: CreatedAccessKey, code: string, address: string, id = key.accessKeyId) =>
  postGraphql(served.url, QUERY, {
    'x-access-key-id': id,
    'x-access-alg': 'totp',
    'x-access-signature': code,
    'x-forwarded-for': address,
  });

/** Sends every code, `parallel` at a time, as a guesser would. */
async function flood(key: CreatedAccessKey, wrong: readonly string[], address: string) {
  const statuses: number[] = [];
  for (let start = 0; start < wrong.length; start += 25) {
    const batch = wrong.slice(start, start + 25).map((code) => send(key, code, address));
    statuses.push(...(await Promise.all(batch)).map((answer) => answer.status));
  }
  return statuses;
}

describe('guessing a TOTP access key over /api/compat/blocklet', () => {
  it('answers 429 after the budget, refuses the right code while blocked, and records it', async () => {
    const { team, key } = await totpKey();
    const { right, wrong } = codes(key.accessKeySecret, 1000);
    const address = freshAddress();

    const statuses = await flood(key, wrong, address);
    // 25 guesses at a time: each is counted before it is checked, so none slips past together.
    expect(statuses.filter((status) => status !== 429)).toHaveLength(PER_MINUTE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1000 - PER_MINUTE);

    const blocked = await send(key, right, address);
    expect(blocked.status).toBe(429);
    expect(blocked.json).toMatchObject({ errors: [{ extensions: { code: 'too_many_requests' } }] });
    expect(JSON.stringify(blocked.json)).not.toContain('getAuditLogs');
    const fromElsewhere = await send(key, right, freshAddress());
    expect(fromElsewhere.status).toBe(429);

    const { summaries, raw } = await failureSummaries(api.database, team);
    expect(summaries[0]).toMatchObject({
      scheme: 'access-key',
      credentialId: key.accessKeyId,
      clientAddress: address,
    });
    expect(totals(summaries)).toEqual({ failures: PER_MINUTE, refused: 1000 - PER_MINUTE + 2 });
    expect(summaries.length).toBeLessThanOrEqual(2);
    for (const secret of [key.accessKeySecret, right, wrong[3] ?? '']) {
      expect(raw).not.toContain(secret);
    }
  });

  it('gives the answer with Retry-After, and leaves other keys and teams alone', async () => {
    const { key } = await totpKey();
    const { wrong } = codes(key.accessKeySecret, PER_MINUTE + 1);
    const address = freshAddress();
    await flood(key, wrong.slice(0, PER_MINUTE), address);
    const response = await fetch(`${served.url}/api/compat/blocklet`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-access-key-id': key.accessKeyId,
        'x-access-alg': 'totp',
        'x-access-signature': wrong[PER_MINUTE] ?? '',
        'x-forwarded-for': address,
      },
      body: QUERY,
    });
    expect(response.status).toBe(429);
    expectRetryAfter(response.headers, 60);

    const other = await totpKey();
    const ownCode = codes(other.key.accessKeySecret, 0).right;
    const answer = await send(other.key, ownCode, address);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ data: { getAuditLogs: { list: [] } } });
    expect((await failureSummaries(api.database, other.team)).summaries).toEqual([]);
  });

  it('blocks an address that tries many key ids, and only that address', async () => {
    const perAddress = DEFAULT_FAILED_AUTH_LIMITS.address[0]?.failures ?? 0;
    const { key } = await totpKey();
    const address = freshAddress();
    const statuses: number[] = [];
    for (let n = 0; n <= perAddress; n += 1) {
      statuses.push((await send(key, '000000', address, `ak_unknown${n}`)).status);
    }
    expect(statuses.filter((status) => status === 429)).toEqual([429]);
    const right = codes(key.accessKeySecret, 0).right;
    expect((await send(key, right, address)).status).toBe(429);
    expect((await send(key, right, freshAddress())).status).toBe(200);
  });
});
