import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../../testing';
import { postGraphql } from './blocklet-client.testing';

/**
 * What a plain HTTP caller can send that the client never would. Each gets a clear GraphQL
 * error and never a 5xx: the published clients retry those.
 */
let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let team: TestTeam;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  team = await api.newTeam();
});
afterAll(async () => {
  await served.close();
  await api.close();
});

async function send(body: string) {
  const answer = await postGraphql(served.url, body, {
    authorization: `Bearer ${team.ownerSecret}`,
  });
  expect(answer.status).toBeLessThan(500);
  return answer as { status: number; json: { data?: unknown; errors?: { message: string }[] } };
}

const query = (text: string) => send(JSON.stringify({ query: text }));
const messages = (answer: { json: { errors?: { message: string }[] } }) =>
  (answer.json.errors ?? []).map((error) => error.message).join('\n');

describe('malformed requests', () => {
  it('a query that does not parse', async () => {
    const answer = await query('{ getAuditLogs(input: { ');
    expect(answer.json.data).toBeUndefined();
    expect(messages(answer)).toMatch(/^Syntax Error: /);
  });

  it('a body that is not JSON, a batch, or no query', async () => {
    const cases = [
      ['{"query": ', 'POST body sent invalid JSON.'],
      ['[]', 'Batching is not supported.'],
      ['{}', 'Must provide query string.'],
    ];
    for (const [body, message] of cases) {
      const answer = await send(body ?? '');
      expect(answer.json.data).toBeUndefined();
      expect(messages(answer)).toBe(message);
    }
  });

  it('a field, an argument or an input member the schema lacks', async () => {
    expect(messages(await query('{ getAuditLogs { code secret } }'))).toMatch(
      /Cannot query field "secret" on type "ResponseGetAuditLogs"/,
    );
    expect(messages(await query('{ getAuditLogs(filter: {}) { code } }'))).toMatch(
      /Unknown argument "filter"/,
    );
    expect(messages(await query('{ getAuditLogs(input: { teamDid: "z" }) { code } }'))).toMatch(
      /Field "teamDid" is not defined by type "RequestGetAuditLogsInput"/,
    );
  });

  it('a paging number out of the Uint32 range or of another type', async () => {
    expect(
      messages(await query('{ getAuditLogs(input: { paging: { page: -1 } }) { code } }')),
    ).toMatch(/Uint32 must be an integer from 0 to 4294967295, got -1/);
    expect(
      messages(await query('{ getAuditLogs(input: { paging: { page: "2" } }) { code } }')),
    ).toMatch(/Uint32 must be an integer from 0 to 4294967295/);
  });
});

describe('abusive queries', () => {
  it('the full introspection query is refused; a shallow look at the schema is answered', async () => {
    const full = `{ __schema { types { name fields { name type { name ofType { name ofType {
      name ofType { name ofType { name ofType { name } } } } } } } } } }`;
    expect(messages(await query(full))).toMatch(/Syntax Error: Query depth limit of 8 exceeded/);
    const shallow = await query('{ __schema { queryType { name } } }');
    expect(shallow.json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('too many aliases (a wide query)', async () => {
    const wide = Array.from({ length: 50 }, (_, i) => `a${i}: getAuditLogs { code }`).join(' ');
    const answer = await query(`{ ${wide} }`);
    expect(answer.json.data).toBeUndefined();
    expect(messages(answer)).toMatch(/Aliases limit of 10 exceeded/);
  });

  it('too many tokens', async () => {
    const long = `{ getAuditLogs { ${'code '.repeat(3000)} } }`;
    const answer = await query(long);
    expect(answer.json.data).toBeUndefined();
    expect(messages(answer)).toMatch(/Token limit of 2000 exceeded/);
  });

  it('too many directives', async () => {
    const answer = await query(`{ getAuditLogs { code ${'@include(if: true) '.repeat(20)} } }`);
    expect(messages(answer)).toMatch(/Directives limit of 10 exceeded/);
  });
});
