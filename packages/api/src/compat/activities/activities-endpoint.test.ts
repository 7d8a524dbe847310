import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApi, serveApi, type ServedApi, type TestTeam } from '../../testing';
import { activityChange, minute } from '../../testing/activity-changes';
import { errorMessages, postActivitiesQuery } from './post-activities-query';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
});
afterAll(async () => {
  await served.close();
  await api.close();
});

const NODE_FIELDS = `id sourceId sequenceKey websiteUuid companyId keypoint endpoint changedFields
  resourceTitle resourceType createdAt
  auditLogSession { sessionId authenticatedEntityName sessionEvents }`;

/** The query a client writes with variables; the sort's type is the name the seed's query uses. */
const AUDIT_LOGS = `query AuditLogs(
    $filter: AuditLogFilterInput, $sort: AuditLogSort, $first: Int, $after: String
  ) {
    auditLogs(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges { node { ${NODE_FIELDS} } cursor }
      pageInfo { endCursor hasNextPage }
    }
  }`;

interface AuditLogNode {
  id: string;
  resourceTitle: string;
  resourceType: string;
  createdAt: string;
  [field: string]: unknown;
}
interface AuditLogConnection {
  edges: { node: AuditLogNode; cursor: string }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

interface AuditLogsVariables {
  filter?: Record<string, string>;
  sort?: string;
  first?: number;
  after?: string | null;
}

/** One page, asserting it was answered as a client expects a success to be. */
async function auditLogs(key: string, variables: AuditLogsVariables = {}) {
  const reply = await postActivitiesQuery(served.url, AUDIT_LOGS, {
    key,
    variables: { ...variables },
  });
  expect(reply.errors).toBeUndefined();
  expect(reply.status).toBe(200);
  return reply.data?.auditLogs as AuditLogConnection;
}

/** Every page, following `endCursor`, with a hook that runs between two pages. */
async function everyPage(
  key: string,
  variables: AuditLogsVariables,
  betweenPages: () => Promise<unknown> = async () => {},
) {
  const pages: AuditLogConnection[] = [];
  let after: string | null = null;
  // Bounded, so a cursor that never advances fails the test instead of hanging it.
  while (pages.length < 50) {
    const page = await auditLogs(key, { ...variables, after });
    pages.push(page);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) return pages;
    await betweenPages();
    after = page.pageInfo.endCursor;
  }
  throw new Error('the connection never reported its last page');
}

const titlesOf = (connection: AuditLogConnection) =>
  connection.edges.map((edge) => edge.node.resourceTitle);

/** The one error of a refused request: no data, not a 5xx, the protocol's code. */
async function refusal(query: string, options: Parameters<typeof postActivitiesQuery>[2]) {
  const reply = await postActivitiesQuery(served.url, query, options);
  expect(reply.status).toBeLessThan(500);
  expect(reply.data ?? null).toBeNull();
  expect(reply.errors).toHaveLength(1);
  return reply.errors?.[0];
}

describe('auditLogs over HTTP', () => {
  it('answers every AuditLog field of an activity written through the native API', async () => {
    const team = await api.newTeam();
    const {
      ids: [id],
    } = await team.owner.activities.record(
      activityChange({
        keypoint: true,
        changedFields: ['title', 'blocks'],
        auditLogSession: {
          sessionId: 'sess-1',
          authenticatedEntityName: 'alice@acme',
          sessionEvents: ['opened editor', 'saved'],
        },
        occurredAt: minute(0),
      }),
    );
    const connection = await auditLogs(team.ownerSecret);
    expect(connection).toEqual({
      edges: [
        {
          node: {
            id,
            sourceId: 'page-1',
            sequenceKey: 'seq-a',
            websiteUuid: 'site-1',
            companyId: 'acme',
            keypoint: true,
            endpoint: false,
            changedFields: ['title', 'blocks'],
            resourceTitle: 'Home page',
            resourceType: 'PAGES_DESIGN',
            createdAt: '2026-05-20T12:00:00.000Z',
            auditLogSession: {
              sessionId: 'sess-1',
              authenticatedEntityName: 'alice@acme',
              sessionEvents: ['opened editor', 'saved'],
            },
          },
          cursor: expect.any(String),
        },
      ],
      pageInfo: { endCursor: connection.edges[0]?.cursor, hasNextPage: false },
    });
  });

  it('answers an activity without website or session with nulls', async () => {
    const team = await api.newTeam();
    await team.owner.activities.record(activityChange({ websiteUuid: null }));
    const [edge] = (await auditLogs(team.ownerSecret)).edges;
    expect(edge?.node).toMatchObject({ websiteUuid: null, auditLogSession: null });
  });

  it('filters by every AuditLogFilterInput field, flags as "true"/"false", bounds inclusive', async () => {
    const team = await api.newTeam();
    await team.owner.activities.recordBatch({
      items: [
        activityChange({ resourceTitle: 't0', occurredAt: minute(0) }),
        activityChange({ resourceTitle: 't1', sourceId: 'page-2', occurredAt: minute(1) }),
        activityChange({ resourceTitle: 't2', sequenceKey: 'seq-b', occurredAt: minute(2) }),
        activityChange({ resourceTitle: 't3', websiteUuid: 'site-2', occurredAt: minute(3) }),
        activityChange({ resourceTitle: 't4', companyId: 'globex', occurredAt: minute(4) }),
        activityChange({ resourceTitle: 't5', keypoint: true, occurredAt: minute(5) }),
        activityChange({ resourceTitle: 't6', endpoint: true, occurredAt: minute(6) }),
        activityChange({ resourceTitle: 't7', resourceType: 'WEBSITE', occurredAt: minute(7) }),
        activityChange({
          resourceTitle: 't8',
          keypoint: true,
          endpoint: true,
          occurredAt: minute(8),
        }),
      ],
    });
    const titles = async (filter: Record<string, string>) =>
      titlesOf(await auditLogs(team.ownerSecret, { filter, sort: 'createdAt_ASC', first: 100 }));

    expect(await titles({ sourceId: 'page-2' })).toEqual(['t1']);
    expect(await titles({ sequenceKey: 'seq-b' })).toEqual(['t2']);
    expect(await titles({ websiteUuid: 'site-2' })).toEqual(['t3']);
    expect(await titles({ companyId: 'globex' })).toEqual(['t4']);
    expect(await titles({ keypoint: 'true' })).toEqual(['t5', 't8']);
    expect(await titles({ endpoint: 'true' })).toEqual(['t6', 't8']);
    expect(await titles({ keypoint: 'true', endpoint: 'false' })).toEqual(['t5']);
    expect(await titles({ keypoint: 'false', endpoint: 'false', companyId: 'acme' })).toEqual([
      't0',
      't1',
      't2',
      't3',
      't7',
    ]);
    expect(await titles({ resourceType: 'WEBSITE' })).toEqual(['t7']);
    expect(await titles({ createdAtAfter: minute(7) })).toEqual(['t7', 't8']);
    expect(await titles({ createdAtBefore: minute(1) })).toEqual(['t0', 't1']);
    // Any offset is read as the instant it names: 14:03 at +02:00 is 12:03Z.
    expect(
      await titles({ createdAtAfter: '2026-05-20T14:03:00+02:00', createdAtBefore: minute(4) }),
    ).toEqual(['t3', 't4']);
    expect(await titles({ sourceId: 'missing' })).toEqual([]);
  });

  it('takes the filter as inline literals too, as the seed examples write it', async () => {
    const team = await api.newTeam();
    await team.owner.activities.recordBatch({
      items: [
        activityChange({
          resourceTitle: 'old',
          companyId: 'company-123',
          occurredAt: '2022-12-31T23:59:59Z',
        }),
        activityChange({ resourceTitle: 'new', companyId: 'company-123', occurredAt: minute(0) }),
        activityChange({ resourceTitle: 'other', companyId: 'company-456', occurredAt: minute(1) }),
      ],
    });
    const reply = await postActivitiesQuery(
      served.url,
      `query {
        auditLogs(
          filter: { companyId: "company-123", createdAtAfter: "2023-01-01T00:00:00Z", keypoint: "false" }
          sort: CREATED_AT_DESC
          first: 10
        ) { edges { node { resourceTitle companyId } } }
      }`,
      { key: team.ownerSecret },
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data).toEqual({
      auditLogs: { edges: [{ node: { resourceTitle: 'new', companyId: 'company-123' } }] },
    });
  });

  describe('sorts', () => {
    const rows = [
      { resourceTitle: 'a', resourceType: 'WEBSITE', occurredAt: minute(2) },
      { resourceTitle: 'b', resourceType: 'EVENT', occurredAt: minute(0) },
      { resourceTitle: 'c', resourceType: 'SEARCH_CONFIG', occurredAt: minute(3) },
      { resourceTitle: 'd', resourceType: 'FEED_CONFIG', occurredAt: minute(1) },
    ] as const;
    let team: TestTeam;
    beforeAll(async () => {
      team = await api.newTeam();
      await team.owner.activities.recordBatch({ items: rows.map((row) => activityChange(row)) });
    });

    it.each([
      ['createdAt_ASC', ['b', 'd', 'a', 'c']],
      ['createdAt_DESC', ['c', 'a', 'd', 'b']],
      // By the type's name: EVENT, FEED_CONFIG, SEARCH_CONFIG, WEBSITE.
      ['resourceType_ASC', ['b', 'd', 'c', 'a']],
      ['resourceType_DESC', ['a', 'c', 'd', 'b']],
      ['CREATED_AT_DESC', ['c', 'a', 'd', 'b']],
      ['CREATED_AT_ASC', ['b', 'd', 'a', 'c']],
    ])('%s', async (sort, expected) => {
      expect(titlesOf(await auditLogs(team.ownerSecret, { sort }))).toEqual(expected);
    });

    it('is newest first without a sort', async () => {
      expect(titlesOf(await auditLogs(team.ownerSecret))).toEqual(['c', 'a', 'd', 'b']);
    });

    it('refuses a sort the enum lacks, naming the argument', async () => {
      const error = await refusal(AUDIT_LOGS, {
        key: team.ownerSecret,
        variables: { sort: 'newest' },
      });
      expect(error?.message).toMatch(/^Variable "\$sort" got invalid value "newest"/);
    });
  });

  describe('paging with first/after', () => {
    it.each([
      // Rows inserted meanwhile sort before the reader's cursor: newer in a newest-first walk,
      // and in a WEBSITE-first walk a WEBSITE row (ties go to the higher seq first).
      ['createdAt_DESC', { resourceType: 'EVENT', occurredAt: minute(10) }],
      ['resourceType_DESC', { resourceType: 'WEBSITE', occurredAt: minute(-10) }],
    ] as const)(
      'walks %s in pages with no duplicate and no gap while rows are inserted',
      async (sort, inserted) => {
        const team = await api.newTeam();
        const types = ['WEBSITE', 'EVENT', 'FEED_CONFIG'] as const;
        // Several rows share an instant and a type, so page ends fall inside ties.
        const { ids: original } = await team.owner.activities.recordBatch({
          items: Array.from({ length: 11 }, (_, i) =>
            activityChange({
              resourceTitle: `r${i}`,
              resourceType: types[i % types.length],
              occurredAt: minute(i % 3),
            }),
          ),
        });
        const everything = (await auditLogs(team.ownerSecret, { sort, first: 100 })).edges.map(
          (edge) => edge.node.id,
        );
        let round = 0;
        const insertRows = () => {
          round += 1;
          return team.owner.activities.recordBatch({
            items: [
              activityChange({ resourceTitle: `new${round}`, ...inserted }),
              activityChange(inserted),
            ],
          });
        };

        const pages = await everyPage(team.ownerSecret, { sort, first: 3 }, insertRows);

        expect(pages.map((page) => page.edges.length)).toEqual([3, 3, 3, 2]);
        expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
        // Exactly the rows there were when the reader started, in the order of one big page.
        const seen = pages.flatMap((page) => page.edges.map((edge) => edge.node.id));
        expect(seen).toEqual(everything);
        expect(new Set(seen)).toEqual(new Set(original));
        expect(round).toBe(3);
      },
    );

    it('pages in ascending order and picks up rows inserted beyond the cursor', async () => {
      const team = await api.newTeam();
      await team.owner.activities.recordBatch({
        items: Array.from({ length: 4 }, (_, i) =>
          activityChange({ resourceTitle: `r${i}`, occurredAt: minute(i) }),
        ),
      });
      let inserted = false;
      const pages = await everyPage(team.ownerSecret, { sort: 'createdAt_ASC', first: 2 }, () => {
        if (inserted) return Promise.resolve();
        inserted = true;
        return team.owner.activities.record(
          activityChange({ resourceTitle: 'late', occurredAt: minute(9) }),
        );
      });
      expect(pages.map(titlesOf)).toEqual([['r0', 'r1'], ['r2', 'r3'], ['late']]);
    });

    it('continues after any edge cursor, and an empty connection has no end cursor', async () => {
      const team = await api.newTeam();
      await team.owner.activities.recordBatch({
        items: Array.from({ length: 5 }, (_, i) =>
          activityChange({ resourceTitle: `r${i}`, occurredAt: minute(i) }),
        ),
      });
      const page = await auditLogs(team.ownerSecret, { first: 4 });
      expect(titlesOf(page)).toEqual(['r4', 'r3', 'r2', 'r1']);
      const second = page.edges[1]?.cursor;
      expect(titlesOf(await auditLogs(team.ownerSecret, { first: 2, after: second }))).toEqual([
        'r2',
        'r1',
      ]);
      const last = await auditLogs(team.ownerSecret, { after: page.pageInfo.endCursor });
      expect(titlesOf(last)).toEqual(['r0']);
      expect(last.pageInfo.hasNextPage).toBe(false);

      const empty = await auditLogs(team.ownerSecret, { filter: { sourceId: 'none' } });
      expect(empty).toEqual({ edges: [], pageInfo: { endCursor: null, hasNextPage: false } });
    });
  });

  it('answers a field the schema lacks with a validation error naming it, and no data', async () => {
    const team = await api.newTeam();
    await team.owner.activities.record(activityChange());
    const reply = await postActivitiesQuery(
      served.url,
      '{ auditLogs { edges { node { id weight colour } } } }',
      { key: team.ownerSecret },
    );
    expect(reply.status).toBeLessThan(500);
    expect(reply.data).toBeUndefined();
    expect(errorMessages(reply)).toEqual([
      'Cannot query field "weight" on type "AuditLog".',
      'Cannot query field "colour" on type "AuditLog".',
    ]);
    expect(reply.errors?.map((error) => error.extensions?.code)).toEqual(
      Array(2).fill('GRAPHQL_VALIDATION_FAILED'),
    );
  });

  describe('bad arguments are a BAD_USER_INPUT error naming the field, with no data', () => {
    let team: TestTeam;
    beforeAll(async () => {
      team = await api.newTeam();
      await team.owner.activities.record(activityChange());
    });

    it.each<[string, AuditLogsVariables, string]>([
      [
        'a malformed createdAtAfter',
        { filter: { createdAtAfter: 'yesterday' } },
        'filter.createdAtAfter',
      ],
      [
        'a createdAtBefore without time',
        { filter: { createdAtBefore: '2026-05-20' } },
        'filter.createdAtBefore',
      ],
      [
        'a timestamp without zone',
        { filter: { createdAtAfter: '2026-05-20T12:00:00' } },
        'filter.createdAtAfter',
      ],
      [
        'bounds the wrong way round',
        { filter: { createdAtAfter: minute(5), createdAtBefore: minute(1) } },
        'filter.createdAtBefore',
      ],
      ['a keypoint that is not "true"/"false"', { filter: { keypoint: 'yes' } }, 'filter.keypoint'],
      ['an endpoint in capitals', { filter: { endpoint: 'TRUE' } }, 'filter.endpoint'],
      ['an unknown resource type', { filter: { resourceType: 'PAGE' } }, 'filter.resourceType'],
      ['a malformed after', { after: 'not-a-cursor' }, 'after'],
      ['first: 0', { first: 0 }, 'first'],
      ['a negative first', { first: -5 }, 'first'],
      ['first above the page size', { first: 101 }, 'first'],
    ])('%s', async (_case, variables, field) => {
      const error = await refusal(AUDIT_LOGS, {
        key: team.ownerSecret,
        variables: { ...variables },
      });
      expect(error?.message.startsWith(`${field}: `)).toBe(true);
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.path).toEqual(['auditLogs']);
    });

    it('refuses a cursor of another sort as a malformed after', async () => {
      const { pageInfo } = await auditLogs(team.ownerSecret, { sort: 'createdAt_DESC' });
      const error = await refusal(AUDIT_LOGS, {
        key: team.ownerSecret,
        variables: { sort: 'resourceType_ASC', after: pageInfo.endCursor },
      });
      expect(error?.message).toBe('after: is not a cursor this API issued');
    });
  });

  describe('credentials', () => {
    let team: TestTeam;
    let activityId: string | undefined;
    beforeAll(async () => {
      team = await api.newTeam();
      ({
        ids: [activityId],
      } = await team.owner.activities.record(activityChange({ companyId: 'acme-secret' })));
    });

    it("another team's key sees none of this team's activities", async () => {
      const other = await api.newTeam();
      await other.owner.activities.record(activityChange({ resourceTitle: 'theirs' }));
      expect(titlesOf(await auditLogs(other.ownerSecret))).toEqual(['theirs']);
      expect(
        titlesOf(await auditLogs(other.ownerSecret, { filter: { companyId: 'acme-secret' } })),
      ).toEqual([]);
      // A cursor carries no team: this team's cursor pages the other team's own rows only.
      const { pageInfo } = await auditLogs(team.ownerSecret, { first: 1 });
      const beyond = await auditLogs(other.ownerSecret, {
        sort: 'createdAt_ASC',
        after: pageInfo.endCursor,
      });
      expect(beyond.edges.map((edge) => edge.node.id)).not.toContain(activityId);
    });

    it('any role may read: a viewer key sees the activities', async () => {
      const viewer = await team.keySecret('viewer');
      expect((await auditLogs(viewer)).edges.map((edge) => edge.node.id)).toEqual([activityId]);
    });

    it.each([
      ['no key', undefined, 'an API key is required (Authorization: Bearer <key>)'],
      ['an unknown key', 'olk_not-a-key', 'the API key is not valid'],
    ])('%s gets UNAUTHENTICATED and no data', async (_case, key, message) => {
      const error = await refusal(AUDIT_LOGS, { key });
      expect(error).toMatchObject({ message, path: ['auditLogs'] });
      expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('a revoked key gets UNAUTHENTICATED and no data', async () => {
      const { id, secret } = await team.owner.apiKeys.create({ role: 'viewer' });
      expect((await auditLogs(secret)).edges).toHaveLength(1);
      await team.owner.apiKeys.revoke({ id });
      const error = await refusal(AUDIT_LOGS, { key: secret });
      expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  it('answers a GET query as well as a POST', async () => {
    const team = await api.newTeam();
    await team.owner.activities.record(activityChange({ resourceTitle: 'via GET' }));
    const query = encodeURIComponent('{ auditLogs { edges { node { resourceTitle } } } }');
    const response = await fetch(`${served.url}/api/compat/activities?query=${query}`, {
      headers: { authorization: `Bearer ${team.ownerSecret}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { auditLogs: { edges: [{ node: { resourceTitle: 'via GET' } }] } },
    });
  });
});
