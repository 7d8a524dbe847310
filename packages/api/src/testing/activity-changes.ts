import type { ActivityInput } from '@opsledger/domain';

/** A fixed clock for activity tests: `minute(n)` is n minutes after a known instant. */
const BASE = Date.parse('2026-05-20T12:00:00.000Z');
export const minute = (n: number) => new Date(BASE + n * 60_000).toISOString();

/** An activity as a writer sends it: the flags and changed fields may be left out. */
export type ActivityWrite = Omit<ActivityInput, 'keypoint' | 'endpoint' | 'changedFields'> &
  Partial<Pick<ActivityInput, 'keypoint' | 'endpoint' | 'changedFields'>>;

/** One change of a page design, with whatever the test cares about overridden. */
export const activityChange = (overrides: Partial<ActivityWrite> = {}): ActivityWrite => ({
  sourceId: 'page-1',
  sequenceKey: 'seq-a',
  websiteUuid: 'site-1',
  companyId: 'acme',
  resourceTitle: 'Home page',
  resourceType: 'PAGES_DESIGN',
  ...overrides,
});
