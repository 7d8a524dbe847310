import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_OPERATIONS_PER_REQUEST } from '@opsledger/domain';

import {
  appWallet,
  signedHeaders,
  spaceEndpoint,
} from '../compat/did-spaces/did-spaces-client.testing';
import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../testing';
import { streamedPost } from './streamed-post.testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let team: TestTeam;
let key: string;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  team = await api.newTeam();
  key = await team.keySecret('service');
});
afterAll(async () => {
  await served.close();
  await api.close();
});

const MiB = 1024 * 1024;
/** Far more than any route takes: a server that read it whole would answer after the last byte. */
const HUGE = 64 * MiB;
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const trpcWrite = () => `${served.url}/api/trpc/auditLogs.recordBatch`;

describe('the native API refuses before reading what it will not take', () => {
  it.each([
    ['no key', {}],
    ['a wrong key', bearer('olk_not-a-key')],
  ])('a write with %s is a 401 while the client is still sending', async (_case, headers) => {
    const reply = await streamedPost({ url: trpcWrite(), headers, totalBytes: HUGE });
    expect(reply.status).toBe(401);
    expect(reply.sentAll).toBe(false);
    expect(reply.bytesSent).toBeLessThan(HUGE / 2);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { data: { code: 'UNAUTHORIZED' } } });
  });

  it('a write without a key is a 401 from the headers alone, its body never sent', async () => {
    const reply = await streamedPost({ url: trpcWrite(), totalBytes: 0, contentLength: 1000 });
    expect(reply.status).toBe(401);
  });

  it('a keyed write over 8 MiB is a 413 naming the limit, before the body ends', async () => {
    const reply = await streamedPost({ url: trpcWrite(), headers: bearer(key), totalBytes: HUGE });
    expect(reply.status).toBe(413);
    expect(reply.sentAll).toBe(false);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.text)).toMatchObject({
      error: {
        message: 'body: must be at most 8 MiB (8388608 bytes)',
        data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
      },
    });
  });

  it('a declared length over the limit is a 413 from the headers alone', async () => {
    const reply = await streamedPost({
      url: trpcWrite(),
      headers: bearer(key),
      totalBytes: 0,
      contentLength: 1024 * MiB,
    });
    expect(reply.status).toBe(413);
    expect(reply.text).toContain('body: must be at most 8 MiB');
  });

  it('still takes a batch of 1,000 events, and queries by GET', async () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({
      scope: 'node',
      category: 'user',
      action: 'login',
      content: `event ${index} ${'x'.repeat(400)}`,
      actor: { did: 'z1', fullName: 'Ada' },
    }));
    const response = await fetch(trpcWrite(), {
      method: 'POST',
      headers: { ...bearer(key), 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    expect(response.status).toBe(200);
    const listed = await fetch(`${served.url}/api/trpc/auditLogs.list?input={}`, {
      headers: bearer(key),
    });
    expect(await listed.json()).toMatchObject({ result: { data: { paging: { total: 1000 } } } });
  });

  it('refuses metadata over 64 KiB with a 400 naming the field', async () => {
    const response = await fetch(`${served.url}/api/trpc/passportLogs.record`, {
      method: 'POST',
      headers: { ...bearer(key), 'content-type': 'application/json' },
      body: JSON.stringify({
        passportId: 'p1',
        action: 'issued',
        metadata: { notes: 'x'.repeat(100 * 1024) },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringMatching(/^metadata: must be at most 64 KiB as JSON/) },
    });
  });

  it(`answers a batch of more than ${MAX_OPERATIONS_PER_REQUEST} operations with a 400`, async () => {
    const batchOf = (count: number) =>
      fetch(
        `${served.url}/api/trpc/${Array(count).fill('teams.current').join(',')}?batch=1&input={}`,
        { headers: bearer(key) },
      );
    const allowed = await batchOf(MAX_OPERATIONS_PER_REQUEST);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toHaveLength(MAX_OPERATIONS_PER_REQUEST);
    const refused = await batchOf(MAX_OPERATIONS_PER_REQUEST + 1);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: {
        message: `batch: at most ${MAX_OPERATIONS_PER_REQUEST} operations per request, not ${MAX_OPERATIONS_PER_REQUEST + 1}`,
      },
    });
  });
});

describe('the compatible endpoints refuse before reading what they will not take', () => {
  const graphqlTooLarge = (text: string, limit: string) =>
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: `body: must be at most ${limit}`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });

  it.each(['blocklet', 'activities'])(
    '%s GraphQL reads 16 KiB of an anonymous body and 256 KiB of a keyed one',
    async (endpoint) => {
      const url = `${served.url}/api/compat/${endpoint}`;
      const anonymous = await streamedPost({ url, totalBytes: HUGE });
      expect(anonymous.status).toBe(413);
      expect(anonymous.sentAll).toBe(false);
      graphqlTooLarge(anonymous.text, '16 KiB (16384 bytes)');

      const keyed = await streamedPost({ url, headers: bearer(key), totalBytes: HUGE });
      expect(keyed.status).toBe(413);
      expect(keyed.sentAll).toBe(false);
      graphqlTooLarge(keyed.text, '256 KiB (262144 bytes)');
    },
  );

  it('DID Spaces refuses an unsigned write with a 401, a signed one over 1 MiB with a 413', async () => {
    const wallet = appWallet();
    await team.addApp({ name: 'Body limits' }, wallet);
    const url = `${spaceEndpoint(served.url, 'zSpace', wallet.address).replace(/object\/$/, '')}audit-log`;
    const unsigned = await streamedPost({ url, totalBytes: HUGE });
    expect(unsigned.status).toBe(401);
    expect(unsigned.sentAll).toBe(false);

    const neverSent = await streamedPost({ url, totalBytes: 0, contentLength: 1000 });
    expect(neverSent.status).toBe(401);

    const signed = await signedHeaders({ wallet, method: 'POST', url });
    const tooLarge = await streamedPost({ url, headers: signed, totalBytes: HUGE });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.sentAll).toBe(false);
    expect(tooLarge.text).toBe('body: must be at most 1 MiB (1048576 bytes)');
  });

  it('HBlock answers a POST with a 405 without reading it', async () => {
    const url = `${served.url}/rest/v1/system/event`;
    const reply = await streamedPost({ url, totalBytes: HUGE });
    expect(reply.status).toBe(405);
    expect(reply.sentAll).toBe(false);
  });
});
