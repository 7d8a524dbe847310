import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ActivityInput, AuditLogInput } from '@opsledger/domain';

import { createTestApi, type TestCaller } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let owner: TestCaller;
beforeAll(async () => {
  api = await createTestApi();
  ({ owner } = await api.newTeam());
  const audit = (action: string, content: string, occurredAt: string, scope = 'node') =>
    ({
      scope,
      category: 'user',
      action,
      content,
      actor: { did: 'z1' },
      env: {},
      occurredAt,
    }) satisfies AuditLogInput;
  await owner.auditLogs.recordBatch({
    items: [
      audit('deploy', 'the disk is full on node seven', '2024-01-05T10:00:00.000Z'),
      audit('deploy', 'full disk check passed', '2024-01-20T10:00:00.000Z', 'billing'),
      audit('login', 'User alice signed in', '2024-02-01T10:00:00.000Z'),
      audit('reassign', 'Owner changed', '2024-02-02T10:00:00.000Z'),
    ],
  });
  const change = (over: Partial<ActivityInput>): ActivityInput => ({
    sourceId: 's1',
    sequenceKey: 'seq-a',
    companyId: 'c1',
    resourceTitle: 'Spring campaign page',
    resourceType: 'WEBSITE',
    keypoint: false,
    endpoint: false,
    changedFields: [],
    ...over,
  });
  await owner.activities.recordBatch({
    items: [
      change({}),
      change({ sequenceKey: 'seq-b', keypoint: true, resourceTitle: 'Winter newsletter' }),
    ],
  });
}, 60_000);
afterAll(() => api.close());

const actions = async (q: string) =>
  (await owner.auditLogs.list({ page: 1, pageSize: 50, q })).list.map((l) => l.content).sort();

describe('q, the search language', () => {
  it('matches words and phrases by full-text search over action and content', async () => {
    expect(await actions('disk full')).toEqual([
      'full disk check passed',
      'the disk is full on node seven',
    ]);
    expect(await actions('"disk is full"')).toEqual(['the disk is full on node seven']);
    expect(await actions('deploy -"check passed"')).toEqual(['the disk is full on node seven']);
  });

  it('matches fields, negation, OR, substrings and time ranges', async () => {
    expect(await actions('scope:billing')).toEqual(['full disk check passed']);
    expect(await actions('deploy -scope:billing')).toEqual(['the disk is full on node seven']);
    expect(await actions('action:login OR action:assig')).toEqual([
      'Owner changed',
      'User alice signed in',
    ]);
    expect(await actions('created:2024-01-01..2024-01-31')).toHaveLength(2);
    expect(await actions('created:>=2024-02-01')).toEqual([
      'Owner changed',
      'User alice signed in',
    ]);
    expect(await actions('created:<2024-01-20')).toEqual(['the disk is full on node seven']);
    expect(await actions('created:2024-02-02')).toEqual(['Owner changed']);
  });

  it('answers a malformed query with a 400 on q naming the column', async () => {
    const bad = owner.auditLogs.list({ page: 1, pageSize: 5, q: 'deploy colour:red' });
    await expect(bad).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(bad).rejects.toThrow(/^q: column 8: unknown field "colour"/);
    await expect(owner.auditLogs.scroll({ limit: 5, q: 'created:>=2024-02-31' })).rejects.toThrow(
      /q: column 11/,
    );
  });

  it('searches the activity log by payload fields and resource title', async () => {
    const titles = async (q: string) =>
      (await owner.activities.list({ filter: { q } })).edges
        .map((e) => e.node.resourceTitle)
        .sort();
    expect(await titles('keypoint:true')).toEqual(['Winter newsletter']);
    expect(await titles('sequenceKey:seq-a')).toEqual(['Spring campaign page']);
    expect(await titles('newsletter')).toEqual(['Winter newsletter']);
    expect(await titles('title:ampaig')).toEqual(['Spring campaign page']);
    await expect(owner.activities.list({ filter: { q: 'keypoint:maybe' } })).rejects.toThrow(
      /q: column 10: "keypoint" is true or false/,
    );
  });
});
