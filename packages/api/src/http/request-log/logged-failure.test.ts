import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { postGraphql } from '../../compat/blocklet/blocklet-client.testing';
import type { HBlockEvent } from '../../compat/hblock/hblock-event';
import { hblockClient } from '../../compat/hblock/hblock-signer.testing';
import { createTestApi, serveApi, type ServedApi } from '../../testing';
import { flushRequestLog } from './request-log-queue';

/**
 * Each endpoint's failures reach the request log with the code and message the caller was
 * answered with, whatever the shape of the answer (GraphQL errors, HBlock's, tRPC's).
 */
let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let get: ReturnType<typeof hblockClient>;
let user: { userName: string; secret: string };
let ownerSecret: string;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  get = hblockClient(served.url);
  const team = await api.newTeamWithApp({ name: 'Storage' });
  ownerSecret = team.ownerSecret;
  const created = await team.owner.hblockUsers.create({ name: `ops-${team.slug}` });
  user = { userName: created.userName, secret: created.secret };
});
afterAll(async () => {
  await served.close();
  await flushRequestLog(api.database);
  await api.close();
});

/** The newest entry of the team's request log, read through HBlock's list. */
async function newestEntry(): Promise<HBlockEvent | undefined> {
  const listed = await get('/rest/v1/system/event?number=1&type=user', user);
  const { events } = (listed.body as { data: { events: HBlockEvent[] } }).data;
  return events[0];
}

const blocklet = (body: string) =>
  postGraphql(served.url, body, { authorization: `Bearer ${ownerSecret}` });

describe('the request log of a failed request', () => {
  it('keeps a GraphQL refusal with the endpoint code and message it was answered with', async () => {
    const tooLarge = JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(300 * 1024) });
    expect((await blocklet(tooLarge)).status).toBe(413);
    expect(await newestEntry()).toMatchObject({
      module: 'Blocklet',
      statusCode: 413,
      errorCode: 'PAYLOAD_TOO_LARGE',
      errorMessage: expect.stringMatching(/^body: /),
    });
  });

  it('keeps the message of an error graphql-yoga answered by itself', async () => {
    const answer = await blocklet('{"query": ');
    expect(answer.status).toBe(400);
    expect(await newestEntry()).toMatchObject({
      module: 'Blocklet',
      statusCode: 400,
      errorCode: 'BAD_REQUEST',
      errorMessage: 'POST body sent invalid JSON.',
    });
  });

  it('keeps an HBlock refusal with its PascalCase code', async () => {
    const refused = await get('/rest/v1/system/event?number=none', user);
    expect(refused.status).toBe(400);
    expect(await newestEntry()).toMatchObject({
      module: 'System',
      name: 'ListEvents',
      statusCode: 400,
      errorCode: 'InvalidParameter',
      errorMessage: expect.stringMatching(/^number: /),
    });
  });
});
