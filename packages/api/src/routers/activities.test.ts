import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ACTIVITY_SORTS, encodeCursor, type Activity, type ActivitySort } from '@opsledger/domain';

import { createTestApi, type TestCaller } from '../testing';
import { activityChange, minute } from '../testing/activity-changes';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

/** Every node of a connection, following `after` until hasNextPage is false. */
async function listAll(
  caller: TestCaller,
  input: { sort?: ActivitySort; filter?: Record<string, unknown> },
  first: number,
  betweenPages: () => Promise<unknown> = async () => {},
) {
  const nodes: Activity[] = [];
  let after: string | undefined;
  // A bound, so a cursor that fails to advance fails the test instead of hanging it.
  for (let pages = 0; pages < 200; pages++) {
    const page = await caller.activities.list({ ...input, first, after });
    nodes.push(...page.edges.map((edge) => edge.node));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) return nodes;
    await betweenPages();
    after = page.pageInfo.endCursor ?? undefined;
  }
  throw new Error('the connection never reported its last page');
}

/** The order each sort promises; seq breaks ties in the sort's direction. */
function sortedAs(sort: ActivitySort, nodes: Activity[]) {
  const [field, direction] = sort.split('_') as ['createdAt' | 'resourceType', 'ASC' | 'DESC'];
  const sign = direction === 'ASC' ? 1 : -1;
  return [...nodes].sort(
    (a, b) => sign * (a[field].localeCompare(b[field], 'en') || a.seq - b.seq),
  );
}

describe('activities.record and list', () => {
  it('stores the Activities Log shape and lists it newest first by default', async () => {
    const { owner } = await api.newTeam();
    const result = await owner.activities.record(
      activityChange({
        keypoint: true,
        changedFields: ['title', 'blocks'],
        auditLogSession: { sessionId: 'sess-1', authenticatedEntityName: 'alice@acme' },
        occurredAt: minute(0),
      }),
    );
    await owner.activities.record(
      activityChange({ resourceTitle: 'Newer', occurredAt: minute(1) }),
    );
    const page = await owner.activities.list({});
    expect(page.edges.map((edge) => edge.node.resourceTitle)).toEqual(['Newer', 'Home page']);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges[1]?.node).toEqual({
      id: result.ids[0],
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      sourceId: 'page-1',
      sequenceKey: 'seq-a',
      websiteUuid: 'site-1',
      companyId: 'acme',
      keypoint: true,
      endpoint: false,
      changedFields: ['title', 'blocks'],
      resourceTitle: 'Home page',
      resourceType: 'PAGES_DESIGN',
      auditLogSession: {
        sessionId: 'sess-1',
        authenticatedEntityName: 'alice@acme',
        sessionEvents: null,
      },
      createdAt: minute(0),
    });
  });

  it('filters by every AuditLogFilterInput field', async () => {
    const { owner } = await api.newTeam();
    await owner.activities.recordBatch({
      items: [
        activityChange({ resourceTitle: 't0', occurredAt: minute(0) }),
        activityChange({ resourceTitle: 't1', sourceId: 'page-2', occurredAt: minute(1) }),
        activityChange({ resourceTitle: 't2', sequenceKey: 'seq-b', occurredAt: minute(2) }),
        activityChange({ resourceTitle: 't3', websiteUuid: 'site-2', occurredAt: minute(3) }),
        activityChange({
          resourceTitle: 't4',
          websiteUuid: null,
          companyId: 'other',
          occurredAt: minute(4),
        }),
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
    const titles = async (filter: Record<string, unknown>) =>
      (await owner.activities.list({ filter, first: 100, sort: 'createdAt_ASC' })).edges.map(
        (edge) => edge.node.resourceTitle,
      );

    expect(await titles({ sourceId: 'page-2' })).toEqual(['t1']);
    expect(await titles({ sequenceKey: 'seq-b' })).toEqual(['t2']);
    expect(await titles({ websiteUuid: 'site-2' })).toEqual(['t3']);
    expect(await titles({ companyId: 'other' })).toEqual(['t4']);
    expect(await titles({ keypoint: true })).toEqual(['t5', 't8']);
    expect(await titles({ endpoint: true })).toEqual(['t6', 't8']);
    expect(await titles({ keypoint: true, endpoint: false })).toEqual(['t5']);
    expect(await titles({ resourceType: 'WEBSITE' })).toEqual(['t7']);
    expect(await titles({ createdAtAfter: minute(7) })).toEqual(['t7', 't8']);
    expect(await titles({ createdAtBefore: minute(1) })).toEqual(['t0', 't1']);
    expect(await titles({ createdAtAfter: minute(3), createdAtBefore: minute(4) })).toEqual([
      't3',
      't4',
    ]);
    expect(
      await titles({
        companyId: 'acme',
        sequenceKey: 'seq-a',
        websiteUuid: 'site-1',
        keypoint: false,
      }),
    ).toEqual(['t0', 't1', 't6', 't7']);
    expect(await titles({ sourceId: 'missing' })).toEqual([]);
  });

  it.each(ACTIVITY_SORTS)(
    'pages %s in order with first/after, ties broken by seq',
    async (sort) => {
      const { owner } = await api.newTeam();
      const types = ['WEBSITE', 'EVENT', 'FEED_CONFIG', 'WEBSITE', 'EVENT'] as const;
      // Several rows share an instant and a resource type, so page ends fall inside ties.
      await owner.activities.recordBatch({
        items: Array.from({ length: 23 }, (_, i) =>
          activityChange({
            resourceTitle: `r${i}`,
            resourceType: types[i % types.length],
            occurredAt: minute(i % 4),
          }),
        ),
      });
      const all = await listAll(owner, { sort }, 4);
      expect(all).toHaveLength(23);
      expect(all).toEqual(sortedAs(sort, all));
      expect((await listAll(owner, { sort }, 100)).map((n) => n.id)).toEqual(all.map((n) => n.id));
    },
  );

  it.each(ACTIVITY_SORTS)('keeps %s pages stable while rows are inserted', async (sort) => {
    const team = await api.newTeam();
    const writer = await team.as('service');
    const { ids: original } = await team.owner.activities.recordBatch({
      items: Array.from({ length: 20 }, (_, i) =>
        activityChange({
          resourceType: i % 2 ? 'EVENT' : 'WEBSITE',
          occurredAt: minute(i % 5),
        }),
      ),
    });
    let round = 0;
    const insertSome = () => {
      round += 1;
      return writer.activities.recordBatch({
        items: [
          activityChange({ resourceType: 'EVENT' }),
          activityChange({ resourceType: 'WEBSITE', occurredAt: minute(round % 5) }),
          activityChange({ resourceType: 'NEWSLETTER_CONFIG', occurredAt: minute(-round) }),
        ],
      });
    };
    // Readers and writers run at once: a page read and a batch write in flight together.
    const seen = await listAll(team.owner, { sort }, 3, () =>
      Promise.all([insertSome(), insertSome()]),
    );
    const seenIds = seen.map((node) => node.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    for (const id of original) expect(seenIds).toContain(id);
    expect(seen).toEqual(sortedAs(sort, seen));
  });
});

describe('activities bad input', () => {
  it('answers a malformed or foreign after cursor with a 400 starting after:', async () => {
    const { owner } = await api.newTeam();
    await owner.activities.recordBatch({ items: [activityChange(), activityChange()] });
    const byTime = await owner.activities.list({ first: 1 });
    const cases: [ActivitySort, string][] = [
      ['createdAt_DESC', 'not-a-cursor!'],
      ['createdAt_DESC', 'bm90IGpzb24'],
      ['createdAt_DESC', encodeCursor(['WEBSITE', 1])],
      // A time cursor does not continue a resource type order.
      ['resourceType_ASC', byTime.pageInfo.endCursor ?? ''],
    ];
    for (const [sort, after] of cases) {
      await expect(owner.activities.list({ sort, after })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^after: /),
      });
    }
  });

  it('refuses an unknown resource type or sort and an inverted range, naming the field', async () => {
    const { owner } = await api.newTeam();
    const cases: [() => Promise<unknown>, RegExp][] = [
      [
        () => owner.activities.record(activityChange({ resourceType: 'PLANET' as never })),
        /^resourceType: /,
      ],
      [
        () => owner.activities.list({ filter: { resourceType: 'PLANET' as never } }),
        /^filter\.resourceType: /,
      ],
      [() => owner.activities.list({ sort: 'title_ASC' as never }), /^sort: /],
      [
        () =>
          owner.activities.list({
            filter: { createdAtAfter: minute(2), createdAtBefore: minute(1) },
          }),
        /^filter\.createdAtBefore: /,
      ],
      [() => owner.activities.list({ first: 101 }), /^first: /],
      [
        () =>
          owner.activities.recordBatch({
            items: Array.from({ length: 1001 }, () => activityChange()),
          }),
        /^items: /,
      ],
      [
        () =>
          owner.activities.record(
            activityChange({
              auditLogSession: { sessionId: 's', sessionEvents: ['ok', 'bad\u0000'] },
            }),
          ),
        /^auditLogSession\.sessionEvents\.1: /,
      ],
    ];
    for (const [call, message] of cases) {
      await expect(call()).rejects.toMatchObject({ code: 'BAD_REQUEST', message });
    }
    expect((await owner.activities.list({})).edges).toEqual([]);
  });
});

describe('activities writes', () => {
  it('never duplicates a retried batch and lets only writers write', async () => {
    const team = await api.newTeam();
    const service = await team.as('service');
    const viewer = await team.as('viewer');
    const items = [
      activityChange({ idempotencyKey: 'c-1' }),
      activityChange({ idempotencyKey: 'c-2' }),
    ];
    const first = await service.activities.recordBatch({ items });
    expect(await service.activities.recordBatch({ items })).toEqual({
      inserted: 0,
      duplicates: 2,
      ids: first.ids,
    });
    await expect(viewer.activities.record(activityChange())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(viewer.activities.recordBatch({ items })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await viewer.activities.list({})).edges.map((edge) => edge.node.id).sort()).toEqual(
      [...first.ids].sort(),
    );
  });

  it('keeps every procedure to the caller team', async () => {
    const [a, b] = [await api.newTeam(), await api.newTeam()];
    const recorded = await a.owner.activities.recordBatch({
      items: [activityChange({ idempotencyKey: 'same', companyId: 'shared' }), activityChange()],
    });
    await a.owner.activities.record(activityChange({ companyId: 'shared' }));

    expect((await b.owner.activities.list({})).edges).toEqual([]);
    expect((await b.owner.activities.list({ filter: { companyId: 'shared' } })).edges).toEqual([]);
    const aPage = await a.owner.activities.list({ first: 1 });
    expect(
      (await b.owner.activities.list({ after: aPage.pageInfo.endCursor ?? undefined })).edges,
    ).toEqual([]);

    const bBatch = await b.owner.activities.recordBatch({
      items: [activityChange({ idempotencyKey: 'same' })],
    });
    expect(bBatch.inserted).toBe(1);
    expect(bBatch.ids).not.toContain(recorded.ids[0]);
    await b.owner.activities.record(activityChange({ idempotencyKey: 'other' }));
    expect((await a.owner.activities.list({ first: 100 })).edges).toHaveLength(3);
    expect((await b.owner.activities.list({ first: 100 })).edges).toHaveLength(2);
  });
});
