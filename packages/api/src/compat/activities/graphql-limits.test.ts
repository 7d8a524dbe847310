import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi } from '../../testing';
import { postActivitiesQuery } from './post-activities-query';

/**
 * The limits of the GraphQL factory both compatible GraphQL endpoints share
 * (`compat/graphql/graphql-endpoint.ts`), exercised through the Activities Log endpoint: every
 * abusive query is refused before it runs, with an error that says which limit it broke, no
 * data and no 5xx (the seed clients retry those).
 */
let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let key: string;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  const team = await api.newTeam();
  key = team.ownerSecret;
  await team.owner.activities.record({
    sourceId: 'page-1',
    sequenceKey: 'seq-a',
    companyId: 'acme',
    resourceTitle: 'Home page',
    resourceType: 'PAGES_DESIGN',
  });
});
afterAll(async () => {
  await served.close();
  await api.close();
});

async function refusedWith(query: string, message: RegExp) {
  const reply = await postActivitiesQuery(served.url, query, { key });
  expect(reply.status).toBeLessThan(500);
  expect(reply.data ?? null).toBeNull();
  expect(reply.errors?.map((error) => error.message)).toEqual([expect.stringMatching(message)]);
}

/** `__type { ofType { ofType { ... { name } } } }`: a deep, narrow, cheap chain. */
const ofTypeChain = (levels: number) =>
  `{ __type(name: "AuditLog") { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } }`;

/** The chain again, each level a fragment spread: `fragment F0 on __Type { ofType { ...F1 } }`. */
function ofTypeFragments(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i + 1 < levels
      ? `fragment F${i} on __Type { name ofType { ...F${i + 1} } }`
      : `fragment F${i} on __Type { name }`,
  );
  return `{ __type(name: "AuditLog") { ...F0 } }\n${fragments.join('\n')}`;
}

describe('GraphQL limits of the compatible endpoints', () => {
  it('answers shallow introspection', async () => {
    const reply = await postActivitiesQuery(served.url, '{ __schema { queryType { name } } }', {
      key,
    });
    expect(reply).toEqual({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('answers queries up to the depth limit, inline or through fragments', async () => {
    for (const query of [ofTypeChain(6), ofTypeFragments(3)]) {
      const reply = await postActivitiesQuery(served.url, query, { key });
      expect(reply.errors).toBeUndefined();
      expect(reply.status).toBe(200);
    }
  });

  it('refuses the standard introspection query', async () => {
    await refusedWith(getIntrospectionQuery(), /Query depth limit of 8 exceeded/);
  });

  it('refuses an over-deep query', async () => {
    await refusedWith(ofTypeChain(8), /Query depth limit of 8 exceeded, found 10/);
  });

  // Every fragment spread multiplies the cost, so the cost limit stops nesting through
  // fragments before the depth limit does.
  it('refuses deep nesting hidden in fragments', async () => {
    await refusedWith(ofTypeFragments(12), /Query Cost limit of 5000 exceeded/);
  });

  it('refuses an over-wide query of many aliases', async () => {
    const aliases = Array.from(
      { length: 50 },
      (_, i) => `a${i}: auditLogs(first: 100) { edges { node { id changedFields } } }`,
    );
    await refusedWith(`{ ${aliases.join('\n')} }`, /Aliases limit of 10 exceeded/);
  });

  it('refuses an aliased explosion inside one connection', async () => {
    const nodes = Array.from({ length: 11 }, (_, i) => `n${i}: node { id }`);
    await refusedWith(
      `{ auditLogs { edges { ${nodes.join(' ')} } } }`,
      /Aliases limit of 10 exceeded/,
    );
  });

  it('refuses an over-long query', async () => {
    const fields = Array(3000).fill('id').join(' ');
    await refusedWith(
      `{ auditLogs { edges { node { ${fields} } } } }`,
      /Token limit of 2000 exceeded/,
    );
  });

  it('refuses a pile of directives', async () => {
    const directives = Array(20).fill('@include(if: true)').join(' ');
    await refusedWith(
      `{ auditLogs { edges { node { id ${directives} } } } }`,
      /Directives limit of 10 exceeded/,
    );
  });

  it('answers a malformed body or query with a 4xx, not a 5xx', async () => {
    const invalidJson = await fetch(`${served.url}/api/compat/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: '{"query": ',
    });
    expect(invalidJson.status).toBe(400);
    expect(await invalidJson.json()).toMatchObject({
      errors: [{ message: 'POST body sent invalid JSON.' }],
    });

    const noQuery = await fetch(`${served.url}/api/compat/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: '{}',
    });
    expect(noQuery.status).toBeLessThan(500);
    expect(await noQuery.json()).toEqual({
      errors: [{ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } }],
    });

    const unparsable = await postActivitiesQuery(served.url, '{ auditLogs ', { key });
    expect(unparsable.status).toBeLessThan(500);
    expect(unparsable.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
