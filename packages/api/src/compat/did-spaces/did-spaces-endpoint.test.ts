import { AuditLogAction, AuditLogStatus } from '@did-space/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, UNLIMITED_FAILED_AUTH, type ServedApi } from '../../testing';
import {
  appWallet,
  delegation,
  listViaClient,
  signedHeaders,
  spaceClient,
  spaceEndpoint,
  type AppWallet,
  type AuditLogRecord,
} from './did-spaces-client.testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
const SPACE = appWallet().address;

beforeAll(async () => {
  // This file checks what each refusal says, many times per app; the failure budgets are
  // tested in auth/failed-auth.
  api = await createTestApi({ failedAuthLimits: UNLIMITED_FAILED_AUTH });
  served = await serveApi(api.database);
});
afterAll(async () => {
  await served.close();
  await api.close();
});

/** A team with one registered app, and that app's wallet and client. */
async function teamWithApp(name = 'Photo Library') {
  const team = await api.newTeam();
  const wallet = appWallet();
  await team.addApp({ name, description: `${name} blocklet` }, wallet);
  return { team, wallet, client: spaceClient({ base: served.url, spaceDid: SPACE, wallet }) };
}

const listOf = (wallet: AppWallet, query: Parameters<typeof listViaClient>[0]['query'] = {}) =>
  listViaClient({ base: served.url, spaceDid: SPACE, wallet, query });

/** A request sent by hand with the headers given, answering its status and text. */
async function sendRaw(url: string, init: { method: string; headers: Record<string, string> }) {
  const response = await fetch(url, {
    method: init.method,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.method === 'GET' ? undefined : JSON.stringify({}),
  });
  return { status: response.status, text: await response.text() };
}

const listUrl = (appDid: string, query = '?size=10&page=0&sort&order=0') =>
  `${spaceEndpoint(served.url, SPACE, appDid).replace(/object\/$/, '')}audit-log/list${query}`;

describe('GET /__blocklet__.js', () => {
  it('tells the client where DID Spaces is mounted, as JSON and as a script', async () => {
    const json = await fetch(`${served.url}/__blocklet__.js?type=json`);
    expect(json.status).toBe(200);
    expect(await json.text()).toBe(
      '{"componentMountPoints":[{"did":"z8iZnaYxnkMD5AKRjTKiCb8pQr1ut8UantAcf","name":"did-spaces","mountPoint":"/app"}]}',
    );
    const script = await fetch(`${served.url}/__blocklet__.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('"mountPoint":"/app"');
  });
});

describe('audit log through the published client', () => {
  it('posts, updates and lists a sync, and the native API sees the same run', async () => {
    const { team, wallet, client } = await teamWithApp();

    const posted = await client.postSync({
      source: '/data/photos',
      target: 'apps/photos/',
      metadata: { trigger: 'nightly' },
    });
    expect(posted.statusCode).toBe(201);
    expect(posted.data).toMatchObject({
      entityId: wallet.address,
      entityName: 'Photo Library',
      actionType: AuditLogAction.APP_OBJECTS_SYNC,
      userId: wallet.address,
      status: AuditLogStatus.PENDING,
      reason: '',
      env: {},
      data: {
        appName: 'Photo Library',
        appDescription: 'Photo Library blocklet',
        source: '/data/photos',
        target: 'apps/photos/',
        totalCount: 0,
        errorCount: 0,
        successCount: 0,
        size: 0,
        duration: 0,
        metadata: { trigger: 'nightly' },
      },
    });

    const report = {
      id: posted.data.id,
      status: AuditLogStatus.SUCCEEDED,
      reason: 'all objects synced',
      totalCount: 120,
      errorCount: 0,
      successCount: 120,
      size: 52_428_800,
      duration: 15_000,
    };
    const put = await client.putSync(report);
    expect(put.statusCode).toBe(200);
    expect(put.data).toMatchObject({
      id: posted.data.id,
      status: 'succeeded',
      reason: 'all objects synced',
      data: { totalCount: 120, successCount: 120, errorCount: 0, size: 52_428_800 },
    });
    // The client retries a PUT on a 5xx: the same report again answers the same record.
    const again = await client.putSync(report);
    expect(again.statusCode).toBe(200);
    expect(again.data).toEqual(put.data);

    const listed = await listOf(wallet);
    expect(listed.statusCode).toBe(200);
    expect(listed.data).toEqual({
      ...{ rows: [put.data], count: 1 },
      ...{ items: [put.data], total: 1, page: 0, pageSize: 10 },
    });

    const native = await team.owner.syncs.list({});
    expect(native.items).toHaveLength(1);
    expect(native.items[0]).toMatchObject({
      id: posted.data.id,
      appDid: wallet.address,
      status: 'succeeded',
      source: '/data/photos',
      totalCount: 120,
      duration: 15_000,
      userId: wallet.address,
    });
  });

  it('refuses an illegal status move with a 409 the client reports, and a run it cannot see', async () => {
    const { wallet, client } = await teamWithApp();
    const posted = await client.postSync({ source: '/a', target: 'b/' });
    const counts = { totalCount: 3, errorCount: 3, size: 0, duration: 10 };
    expect(
      (await client.putSync({ id: posted.data.id, status: 'failed', ...counts })).statusCode,
    ).toBe(200);

    const moved = await client.putSync({ id: posted.data.id, status: 'succeeded', ...counts });
    expect(moved.statusCode).toBe(409);
    expect(moved.statusMessage).toContain('status: cannot move from failed to succeeded');

    const other = await teamWithApp();
    const foreign = await other.client.putSync({ id: posted.data.id, status: 'failed', ...counts });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.statusMessage).toContain(`id: sync run ${posted.data.id} not found`);

    const unknown = await client.putSync({ id: 'not-a-uuid', status: 'failed', ...counts });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.statusMessage).toMatch(/^id: /);
    expect((await listOf(wallet)).data.rows[0]?.status).toBe('failed');
  });

  it('keeps an over-long failure reason cut to the limit, and says it was cut', async () => {
    const { client } = await teamWithApp();
    const posted = await client.postSync({ source: '/a', target: 'b/' });
    const counts = { totalCount: 1, errorCount: 1, size: 0, duration: 10 };
    const reason = 'stack line\n'.repeat(1_200);
    const put = await client.putSync({ id: posted.data.id, status: 'failed', reason, ...counts });
    expect(put.statusCode).toBe(200);
    expect(put.data.reason).toHaveLength(10_000);
    expect(put.data.reason.startsWith('stack line\nstack line')).toBe(true);
    expect(put.data.reason.endsWith(' [cut]')).toBe(true);
  });

  it('lists with status and action filters, sort, order and pages from 0', async () => {
    const { wallet, client } = await teamWithApp();
    const ids: string[] = [];
    for (const [index, status] of ['succeeded', 'failed', 'succeeded', 'pending'].entries()) {
      const posted = await client.postSync({ source: `/src/${index}`, target: 'dst/' });
      ids.push(posted.data.id);
      if (status !== 'pending') {
        const outcome = { totalCount: index, errorCount: 0, size: 1000 * (4 - index), duration: 1 };
        await client.putSync({ id: posted.data.id, status, ...outcome });
      }
    }
    const sources = (rows: { data: { source: string } }[]) => rows.map((row) => row.data.source);

    const ascending = await listOf(wallet, { size: '10', page: '0', sort: '', order: '0' });
    expect(ascending.data.count).toBe(4);
    expect(sources(ascending.data.rows)).toEqual(['/src/0', '/src/1', '/src/2', '/src/3']);

    const descending = await listOf(wallet, { order: '1' });
    expect(sources(descending.data.rows)).toEqual(['/src/3', '/src/2', '/src/1', '/src/0']);

    const bySize = await listOf(wallet, { sort: 'size', order: '0' });
    expect(sources(bySize.data.rows)).toEqual(['/src/3', '/src/2', '/src/1', '/src/0']);

    const secondPage = await listOf(wallet, { size: '3', page: '1', order: '0' });
    expect(secondPage.data).toMatchObject({ count: 4 });
    expect(sources(secondPage.data.rows)).toEqual(['/src/3']);

    const succeeded = await listOf(wallet, { status: AuditLogStatus.SUCCEEDED });
    expect(succeeded.data.count).toBe(2);
    expect(succeeded.data.rows.every((row) => row.status === 'succeeded')).toBe(true);

    const finished = await listOf(wallet, { status: ['succeeded', 'failed'], order: '0' });
    expect(sources(finished.data.rows)).toEqual(['/src/0', '/src/1', '/src/2']);

    const syncs = await listOf(wallet, { actionType: AuditLogAction.APP_OBJECTS_SYNC });
    expect(syncs.data.count).toBe(4);
    const connected = await listOf(wallet, { actionType: AuditLogAction.APP_CONNECTED });
    expect(connected.data).toEqual({
      rows: [],
      count: 0,
      items: [],
      total: 0,
      page: 0,
      pageSize: 10,
    });
  });

  it("lists only the app's own runs, never another team's", async () => {
    const mine = await teamWithApp();
    const theirs = await teamWithApp();
    await mine.client.postSync({ source: '/mine', target: 'x/' });
    await theirs.client.postSync({ source: '/theirs', target: 'x/' });
    const listed = await listOf(mine.wallet);
    expect(listed.data.rows.map((row) => row.data.source)).toEqual(['/mine']);
  });

  it("accepts the seed docs' spellings and answers bad list queries with a 400 naming the field", async () => {
    const { wallet } = await teamWithApp();
    // The published client only sends its own spellings: the seed's go by hand.
    const writeUrl = listUrl(wallet.address).replace(/\/list\?.*$/, '');
    const write = async (method: string, body: unknown) => {
      const headers = await signedHeaders({ wallet, method, url: writeUrl });
      const response = await fetch(writeUrl, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, record: (await response.json()) as AuditLogRecord };
    };
    const data = { source: '/s', target: 't/' };
    const initial = await write('POST', {
      actionType: 'APP_OBJECTS_SYNC',
      status: 'INITIAL',
      data,
    });
    expect(initial).toMatchObject({ status: 201, record: { status: 'default' } });
    const outcome = { totalCount: 1, errorCount: 0, size: 1, duration: 1 };
    const done = await write('PUT', { id: initial.record.id, status: 'SUCCESS', data: outcome });
    expect(done.record.status).toBe('succeeded');
    const other = await write('POST', { data });
    const canceled = await write('PUT', { id: other.record.id, status: 'CANCELED' });
    // The client knows no canceled: the run did not succeed, and the reason says why.
    expect(canceled.record).toMatchObject({ status: 'failed', reason: 'canceled' });

    const headersFor = (query: string) =>
      signedHeaders({ wallet, method: 'GET', url: listUrl(wallet.address, query) });
    for (const [query, field] of [
      ['?status=SUCCESS', 1],
      ['?status=CANCELED', 1],
      ['?status=failed', 1],
      ['?sort=colour', 'sort'],
      ['?size=0', 'size'],
      ['?size=1000', 'size'],
      ['?page=-1', 'page'],
      ['?order=2', 'order'],
      ['?status=done', 'status'],
      ['?actionType=app-dance', 'actionType'],
    ] as const) {
      const url = listUrl(wallet.address, query);
      const answer = await sendRaw(url, { method: 'GET', headers: await headersFor(query) });
      if (typeof field === 'number') {
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text), query).toMatchObject({ count: field });
      } else {
        expect(answer.status, query).toBe(400);
        expect(answer.text.startsWith(`${field}: `), answer.text).toBe(true);
      }
    }
  });
});

describe('request signatures', () => {
  let registered: Awaited<ReturnType<typeof teamWithApp>>;
  beforeAll(async () => {
    registered = await teamWithApp();
    await registered.client.postSync({ source: '/secret', target: 'x/' });
  });

  it('accepts the untouched signed request it is checked against', async () => {
    const url = listUrl(registered.wallet.address);
    const headers = await signedHeaders({ wallet: registered.wallet, method: 'GET', url });
    const answer = await sendRaw(url, { method: 'GET', headers });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('/secret');
  });

  it('accepts a version 1.1.0 token (signed over SHA3 of header.body)', async () => {
    const { wallet } = registered;
    const url = listUrl(wallet.address);
    const headers = await signedHeaders({ wallet, method: 'GET', url });
    const [, body = ''] = (headers['x-app-token'] ?? '').split('.');
    const { digest } = JSON.parse(Buffer.from(body, 'base64url').toString()) as { digest: string };
    const token = await wallet.signJWT({ digest }, true, '1.1.0');
    const answer = await sendRaw(url, {
      method: 'GET',
      headers: { ...headers, 'x-app-token': token },
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('/secret');
  });

  it('refuses a tampered token, an expired one and one signed for another request', async () => {
    const { wallet } = registered;
    const url = listUrl(wallet.address);
    const headers = await signedHeaders({ wallet, method: 'GET', url });
    const token = headers['x-app-token'] ?? '';
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    const tampered = { ...headers, 'x-app-token': `${token.slice(0, -2)}${last}${token.at(-1)}` };

    const [header = '', body = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, string>;
    const now = Math.floor(Date.now() / 1000);
    const expired = {
      ...headers,
      'x-app-token': await wallet.signJWT({
        digest: claims.digest,
        iat: String(now - 7200),
        nbf: String(now - 7200),
        exp: String(now - 3600),
      }),
    };
    const forged = { ...headers, 'x-app-token': `${header}.${body}.${'A'.repeat(86)}` };
    const longLived = {
      ...headers,
      'x-app-token': await wallet.signJWT({ digest: claims.digest, exp: String(now + 86_400) }),
    };

    for (const [name, sent, reason] of [
      ['tampered', tampered, 'signature'],
      ['forged', forged, 'signature'],
      ['expired', expired, 'expired'],
      ['valid for a day', longLived, 'exp lies more than 3600 seconds ahead'],
    ] as const) {
      const answer = await sendRaw(url, { method: 'GET', headers: sent });
      expect(answer.status, name).toBe(401);
      expect(answer.text, name).toContain(reason);
      expect(answer.text).not.toContain('/secret');
    }

    // The same valid token replayed onto another query or method is refused.
    const otherQuery = listUrl(wallet.address, '?size=100&page=0&sort&order=0');
    const replayed = await sendRaw(otherQuery, { method: 'GET', headers });
    expect(replayed.status).toBe(401);
    expect(replayed.text).toContain('digest');
    const asPost = await sendRaw(url.replace('/list?', '?'), { method: 'POST', headers });
    expect(asPost.status).toBe(401);

    const unsigned = await sendRaw(url, { method: 'GET', headers: {} });
    expect(unsigned.status).toBe(401);
  });

  it('refuses a key that is not the DID it claims', async () => {
    const { wallet } = registered;
    const url = listUrl(wallet.address);
    const headers = await signedHeaders({ wallet, method: 'GET', url });
    const answer = await sendRaw(url, {
      method: 'GET',
      headers: { ...headers, 'x-app-pk': appWallet().publicKey },
    });
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('x-app-did');
  });

  it('answers 401 to an unregistered app and 403 to an app signing for another', async () => {
    const stranger = appWallet();
    const unknown = await spaceClient({
      base: served.url,
      spaceDid: SPACE,
      wallet: stranger,
    }).postSync({
      source: '/s',
      target: 't/',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.statusMessage).toContain('not registered');
    expect((await listOf(stranger)).statusCode).toBe(401);

    const otherTeam = await teamWithApp();
    const intruder = spaceClient({
      base: served.url,
      spaceDid: SPACE,
      wallet: otherTeam.wallet,
      appDid: registered.wallet.address,
    });
    const posted = await intruder.postSync({ source: '/s', target: 't/' });
    expect(posted.statusCode).toBe(403);
    const listed = await listViaClient({
      base: served.url,
      spaceDid: SPACE,
      wallet: otherTeam.wallet,
      appDid: registered.wallet.address,
    });
    expect(listed.statusCode).toBe(403);
    expect(listed.statusMessage).toContain('appDid');

    const runs = await registered.team.owner.syncs.list({});
    expect(runs.items.map((run) => run.source)).toEqual(['/secret']);
  });

  it('lets a delegate act for the app that granted it DIDSpaceAgent, and no other', async () => {
    const { team, wallet: app } = registered;
    const agent = appWallet();
    const granted = await delegation({ from: app, to: agent.address });
    const delegate = spaceClient({
      base: served.url,
      spaceDid: SPACE,
      wallet: agent,
      appDid: app.address,
      delegation: granted,
    });
    const posted = await delegate.postSync({ source: '/delegated', target: 't/' });
    expect(posted.statusCode).toBe(201);
    expect(posted.data).toMatchObject({ entityId: app.address, userId: agent.address });
    const native = await team.owner.syncs.get({ id: posted.data.id });
    expect(native).toMatchObject({ appDid: app.address, userId: agent.address });

    // The client checks a delegation itself before sending: refused ones go by hand.
    const url = listUrl(app.address);
    const agentHeaders = await signedHeaders({ wallet: agent, method: 'GET', url });
    for (const [name, token, status] of [
      [
        'without DIDSpaceAgent',
        await delegation({ from: app, to: agent.address, roles: ['viewer'] }),
        403,
      ],
      ['to another app', await delegation({ from: app, to: appWallet().address }), 403],
      [
        'expired',
        await delegation({ from: app, to: agent.address, exp: Math.floor(Date.now() / 1000) - 60 }),
        401,
      ],
      ['signed by another key', await delegation({ from: appWallet(), to: agent.address }), 403],
    ] as const) {
      const answer = await sendRaw(url, {
        method: 'GET',
        headers: { ...agentHeaders, 'x-app-delegation': token },
      });
      expect(answer.status, name).toBe(status);
      expect(answer.text).not.toContain('/secret');
    }
    const [header = '', body = ''] = granted.split('.');
    const forged = `${header}.${body}.${'A'.repeat(86)}`;
    const answer = await sendRaw(url, {
      method: 'GET',
      headers: { ...agentHeaders, 'x-app-delegation': forged },
    });
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('x-app-delegation');
  });

  it('answers bad bodies and wrong methods with 4xx, never a 5xx', async () => {
    const { wallet } = registered;
    const writeUrl = listUrl(wallet.address).replace(/\/list\?.*$/, '');
    const cases: { method: string; url: string; body: string }[] = [
      { method: 'POST', url: writeUrl, body: 'not json' },
      {
        method: 'POST',
        url: writeUrl,
        body: JSON.stringify({ data: { source: '', target: 'x' } }),
      },
      {
        method: 'POST',
        url: writeUrl,
        body: JSON.stringify({ actionType: 'app-connected', data: { source: 'a', target: 'b' } }),
      },
      {
        method: 'PUT',
        url: writeUrl,
        body: JSON.stringify({ id: crypto.randomUUID(), status: 'failed' }),
      },
      { method: 'PUT', url: writeUrl, body: JSON.stringify({ status: 'failed' }) },
      { method: 'DELETE', url: writeUrl, body: '' },
      { method: 'POST', url: listUrl(wallet.address), body: '{}' },
    ];
    const statuses: number[] = [];
    for (const { method, url, body } of cases) {
      const headers = await signedHeaders({ wallet, method, url });
      const response = await fetch(url, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        body: body || undefined,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 404, 400, 405, 405]);
  });
});
