import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../../testing';
import { activityChange, minute } from '../../testing/activity-changes';
import { shapeMismatches } from '../../testing/example-shape';
import { postActivitiesQuery, type GraphqlReply } from './post-activities-query';
import * as seed from './seed-003-examples.testing';

/*
 * Seed 003's example queries, sent as printed; only the base URL and the key are OpsLedger's.
 * The seed prints no example response: answers are checked against the shape its queries ask
 * for, and the derived fields against the stored fields they come from.
 */
let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
let team: TestTeam;
const alice = { sessionId: 's-alice', authenticatedEntityName: 'alice@acme.test' };

beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
  team = await api.newTeam();
  const change = (title: string, at: string, more: Parameters<typeof activityChange>[0] = {}) =>
    activityChange({ companyId: 'company-123', resourceTitle: title, occurredAt: at, ...more });
  // Sequence b's later change is stored first: its opener is the earlier change, not the first stored.
  await team.owner.activities.record(change('b2', minute(4), { sequenceKey: 'seq-b' }));
  await team.owner.activities.recordBatch({
    items: [
      change('a1', minute(0), { auditLogSession: alice, changedFields: ['title'] }),
      change('a2', minute(1), { auditLogSession: alice, keypoint: true }),
      change('a3', minute(2), { auditLogSession: alice, endpoint: true }),
      change('b1', minute(3), { sequenceKey: 'seq-b' }),
      change('old', '2022-12-31T23:00:00Z', { sequenceKey: 'seq-old' }),
      ...[10, 11, 12, 13, 14, 15].map((n) =>
        change(`d${n}`, minute(n), { companyId: 'company-456', sequenceKey: 'seq-d' }),
      ),
    ],
  });
});
afterAll(async () => {
  await served.close();
  await api.close();
});

interface ExampleNode {
  id: string;
  timestamp: string;
  action: string;
  userId: string | null;
  details: string;
}
interface ExampleConnection {
  edges: { node: ExampleNode; cursor?: string }[];
  pageInfo?: { endCursor: string | null; hasNextPage: boolean };
}

/** What the seed's queries select, as an answer of that shape. */
const NODE_SHAPE = { id: '', timestamp: '', action: '', userId: null, details: '' };
const PAGE_SHAPE = { endCursor: null, hasNextPage: true };

async function run(query: string, shape: object): Promise<ExampleConnection> {
  const reply: GraphqlReply = await postActivitiesQuery(served.url, query, {
    key: team.ownerSecret,
  });
  expect(reply.errors).toBeUndefined();
  expect(reply.status).toBe(200);
  expect(shapeMismatches(reply.data, { auditLogs: shape })).toEqual([]);
  return reply.data?.auditLogs as ExampleConnection;
}

const summary = (connection: ExampleConnection) =>
  connection.edges.map(({ node }) => {
    const details = JSON.parse(node.details) as { resourceTitle: string; changedFields: string[] };
    return `${details.resourceTitle} ${node.action} ${node.userId ?? '-'}`;
  });

describe("seed 003's example queries, as printed", () => {
  it('"Example Query": the derived fields, from the stored ones', async () => {
    const answer = await run(seed.EXAMPLE_QUERY, {
      edges: [{ node: NODE_SHAPE, cursor: '' }],
      pageInfo: PAGE_SHAPE,
    });
    expect(summary(answer)).toEqual([
      'b2 changed -',
      'b1 started -',
      'a3 ended alice@acme.test',
      'a2 changed alice@acme.test',
      'a1 started alice@acme.test',
    ]);
    const a1 = answer.edges.at(-1)?.node;
    expect(a1?.timestamp).toBe(minute(0));
    expect(JSON.parse(a1?.details ?? '')).toEqual({
      resourceTitle: 'a1',
      changedFields: ['title'],
    });
    expect(answer.pageInfo).toEqual({ endCursor: answer.edges.at(-1)?.cursor, hasNextPage: false });
  });

  it('"Filtering" answers the same entries, the same actions', async () => {
    const answer = await run(seed.FILTERING, { edges: [{ node: NODE_SHAPE }] });
    expect(summary(answer)).toEqual([
      'b2 changed -',
      'b1 started -',
      'a3 ended alice@acme.test',
      'a2 changed alice@acme.test',
      'a1 started alice@acme.test',
    ]);
  });

  it('"Sorting" answers every entry newest first', async () => {
    const answer = await run(seed.SORTING, { edges: [{ node: NODE_SHAPE }] });
    expect(answer.edges).toHaveLength(12);
    expect(answer.edges.map(({ node }) => node.timestamp)).toEqual(
      answer.edges
        .map(({ node }) => node.timestamp)
        .toSorted()
        .reverse(),
    );
    expect(summary(answer).slice(0, 2)).toEqual(['d15 changed -', 'd14 changed -']);
    expect(summary(answer).at(-1)).toBe('old started -');
  });

  it('"Pagination" and "To fetch the next page" with the real endCursor in place of its placeholder', async () => {
    const first = await run(seed.PAGINATION, {
      edges: [{ node: NODE_SHAPE, cursor: '' }],
      pageInfo: PAGE_SHAPE,
    });
    expect(first.edges).toHaveLength(10);
    expect(first.pageInfo?.hasNextPage).toBe(true);

    // As printed, the placeholder is no cursor: an error naming the argument, no data.
    const verbatim = await postActivitiesQuery(served.url, seed.NEXT_PAGE, {
      key: team.ownerSecret,
    });
    expect(verbatim.status).toBe(200);
    expect(verbatim.data).toBeNull();
    expect(verbatim.errors?.[0]?.message).toMatch(/^after: /);
    expect(verbatim.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const endCursor = first.pageInfo?.endCursor ?? '';
    const next = await run(seed.NEXT_PAGE.replace(seed.CURSOR_PLACEHOLDER, endCursor), {
      edges: [{ node: NODE_SHAPE, cursor: '' }],
      pageInfo: PAGE_SHAPE,
    });
    expect(summary(next)).toEqual(['a1 started alice@acme.test', 'old started -']);
    expect(next.pageInfo?.hasNextPage).toBe(false);
    const seen = new Set(first.edges.map(({ node }) => node.id));
    expect(next.edges.some(({ node }) => seen.has(node.id))).toBe(false);
  });

  it("keeps the seed's schema fields as published and documents the derived ones", async () => {
    const reply = await postActivitiesQuery(
      served.url,
      '{ __type(name: "AuditLog") { fields { name description } } }',
      { key: team.ownerSecret },
    );
    const fields = (reply.data?.__type as { fields: { name: string; description: string }[] })
      .fields;
    expect(fields.map((field) => field.name)).toEqual([
      ...['id', 'sourceId', 'sequenceKey', 'websiteUuid', 'companyId', 'keypoint', 'endpoint'],
      ...['changedFields', 'resourceTitle', 'resourceType', 'auditLogSession', 'createdAt'],
      ...['timestamp', 'action', 'userId', 'details'],
    ]);
    const described = Object.fromEntries(fields.map((field) => [field.name, field.description]));
    expect(described.timestamp).toMatch(/^Alias of createdAt/);
    expect(described.userId).toMatch(/^Alias of auditLogSession\.authenticatedEntityName/);
  });
});
