/**
 * The compatible endpoints through the built app, with the seed systems' published clients
 * where they exist: proves each path reaches its adapter under `next start` (including the
 * `/__blocklet__.js` route and DID Spaces signatures over the URL as Next.js hands it on).
 */
import { createHmac } from 'node:crypto';
import { SpaceClient } from '@blocklet/did-space-js';
import { auditLogList } from '@blocklet/did-space-js/dist/api/routes/audit-log-list';
import { PostObjectsSyncCommand } from '@blocklet/did-space-js/dist/commands/audit-log/post-objects-sync-command';
import BlockletServerClient from '@blocklet/server-js';
import { fromRandom, WalletType } from '@ocap/wallet';

type Check = (condition: unknown, message: string) => asserts condition;

/** A tRPC call over plain HTTP: a mutation when `method` is POST, else a query. */
async function trpcCall(base: string, key: string, path: string, input: unknown, method = 'POST') {
  const query = method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
  const response = await fetch(`${base}/api/trpc/${path}${query}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data?: unknown }; error?: unknown };
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return body.result?.data;
}

async function blocklet(base: string, key: string, check: Check) {
  const client = new BlockletServerClient(`${base}/api/compat/blocklet`);
  client.setAuthToken(key);
  const logs = await client.getAuditLogs({ input: { paging: { pageSize: 5 } } });
  check(
    String(logs.code) === 'ok' && logs.list.length > 0,
    'Blocklet getAuditLogs returned no demo logs',
  );
}

async function activities(base: string, key: string, check: Check) {
  const response = await fetch(`${base}/api/compat/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ auditLogs(first: 3) { edges { node { id } } } }' }),
  });
  const body = (await response.json()) as { data?: { auditLogs?: { edges: unknown[] } } };
  check(
    response.status === 200 && (body.data?.auditLogs?.edges.length ?? 0) > 0,
    `Activities auditLogs answered ${response.status}: ${JSON.stringify(body)}`,
  );
}

async function didSpaces(base: string, key: string, check: Check) {
  const wallet = fromRandom(WalletType({ role: 3, pk: 0, hash: 1 }));
  // Registering the app proves the wallet: it signs the challenge the API names for the team.
  const did = wallet.address;
  const { challenge } = (await trpcCall(
    base,
    key,
    'apps.registrationChallenge',
    { did },
    'GET',
  )) as {
    challenge: string;
  };
  const proof = { publicKey: wallet.publicKey, signature: await wallet.sign(challenge) };
  await trpcCall(base, key, 'apps.create', { did, name: 'Smoke sync', proof });
  const endpoint = `${base}/app/api/space/zSmokeSpace/app/${wallet.address}/object/`;
  const client = new SpaceClient({ wallet, endpoint, url: base });
  const posted = (await client.send(
    new PostObjectsSyncCommand({ source: '/smoke', target: '/space/smoke' }),
  )) as { statusCode: number; data: { id?: string } };
  check(posted.statusCode < 300 && posted.data.id, `DID Spaces post answered ${posted.statusCode}`);
  // auditLogList is the package's Express route handler: it takes the app's wallet from the
  // blocklet it runs in and sends what the space answered.
  let listed = { data: { rows: [] as { id: string }[], count: 0 } };
  await auditLogList(
    {
      method: 'GET',
      query: { endpoint, size: '10', page: '0', sort: '', order: '1' },
      getBlockletInfo: () => Promise.resolve({ wallet }),
    },
    { send: (body: typeof listed) => (listed = body) },
  );
  check(
    listed.data.rows.some((row) => row.id === posted.data.id),
    `DID Spaces list did not show the posted run: ${JSON.stringify(listed.data)}`,
  );
}

async function hblock(base: string, key: string, check: Check) {
  const userName = `smoke${Date.now()}`;
  const user = (await trpcCall(base, key, 'hblockUsers.create', { name: userName })) as {
    userName: string;
    secret: string;
  };
  // The most HBlock gives (1000): the demo data's runs, seeded beside the first start, stamp
  // their status events after ServiceStarted, and the newest 50 can all be theirs.
  const read = async (type: 'user' | 'system') => {
    const target = `/rest/v1/system/event?number=1000&type=${type}`;
    const date = new Date().toUTCString();
    const signature = createHmac('sha256', user.secret)
      .update(`GET\n${date}\n${target}`)
      .digest('base64');
    const response = await fetch(base + target, {
      headers: { date, authorization: `HBlock ${user.userName}:${signature}` },
    });
    check(response.headers.get('x-hblock-request-id'), 'HBlock answer has no request id');
    const body = (await response.json()) as { data?: { events: { name: string }[] } };
    check(response.status === 200 && body.data, `HBlock ${type} events: ${response.status}`);
    return body.data.events.map((event) => event.name);
  };
  const userEvents = await read('user');
  check(
    userEvents.includes('hblockUsers.create'),
    `HBlock user events do not show the request log: ${userEvents.join(', ')}`,
  );
  // ServiceStarted is written after readiness, in the background, to every team in turn: on a
  // database that already holds thousands of teams (CI's, after the tests) it comes seconds later.
  let systemEvents = await read('system');
  for (let waited = 0; !systemEvents.includes('ServiceStarted') && waited < 60_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    systemEvents = await read('system');
  }
  check(
    systemEvents.includes('ServiceStarted'),
    `HBlock system events do not show ServiceStarted within 60 s: ${systemEvents.slice(0, 20).join(', ')}`,
  );
}

export async function checkCompatEndpoints(base: string, key: string, check: Check) {
  const meta = await fetch(`${base}/__blocklet__.js?type=json`);
  check(meta.status === 200, `/__blocklet__.js answered ${meta.status}`);
  await blocklet(base, key, check);
  await activities(base, key, check);
  await didSpaces(base, key, check);
  await hblock(base, key, check);
}
