import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../testing';

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

const record = (body: string | Uint8Array<ArrayBuffer>) =>
  fetch(`${served.url}/api/trpc/auditLogs.record`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
  });

const auditLog = (content: string) =>
  JSON.stringify({
    scope: 'node',
    category: 'user',
    action: 'login',
    content,
    actor: { did: 'z1' },
  });

describe('the native API over HTTP', () => {
  it('refuses a body that is not UTF-8 with a 400, and stores nothing', async () => {
    const valid = Buffer.from(auditLog('caf\u00e9'));
    const broken = Buffer.from(valid);
    broken[broken.indexOf(0xc3)] = 0xff;
    const response = await record(broken);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('body: is not valid UTF-8');
    expect((await team.owner.auditLogs.list({})).paging.total).toBe(0);

    const accepted = await record(valid);
    expect(accepted.status).toBe(200);
    const [stored] = (await team.owner.auditLogs.list({})).list;
    expect(stored?.content).toBe('caf\u00e9');
  });

  it('names the field that holds a lone surrogate or a NUL', async () => {
    for (const content of ['\\ud800', '\\u0000']) {
      const response = await record(auditLog('x').replace('"x"', `"${content}"`));
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain('content');
    }
  });

  it('answers 401 without a key and 400 for malformed JSON, never 500', async () => {
    const anonymous = await fetch(`${served.url}/api/trpc/auditLogs.list`);
    expect(anonymous.status).toBe(401);
    expect((await record('{"scope":')).status).toBe(400);
  });
});
