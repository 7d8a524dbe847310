import { expect } from 'vitest';

import type { Database } from '@opsledger/db';

import type { TestTeam } from '../../testing';
import { flushFailureReports } from './failure-events';

/** What one AuthenticationFailed system event says (its detail body). */
export interface FailureSummary {
  scheme: string;
  credentialId?: string;
  failures: number;
  refused: number;
  clientAddress: string | null;
  reason: string;
}

/** The team's AuthenticationFailed events once every pending report is written, oldest first. */
export async function failureSummaries(
  database: Database,
  team: TestTeam,
): Promise<{ summaries: FailureSummary[]; raw: string }> {
  await flushFailureReports(database);
  const { events } = await team.owner.events.list({ type: 'system' });
  const failed = events.filter((event) => event.name === 'AuthenticationFailed').reverse();
  const summaries = failed.map((event) => JSON.parse(event.detail?.body ?? '{}') as FailureSummary);
  return { summaries, raw: JSON.stringify(failed) };
}

/** The sums of a credential's summaries: every failure and refusal is accounted for. */
export function totals(summaries: readonly FailureSummary[]) {
  return summaries.reduce(
    (sum, s) => ({ failures: sum.failures + s.failures, refused: sum.refused + s.refused }),
    { failures: 0, refused: 0 },
  );
}

/** A 429 with a `Retry-After` of whole seconds, at most the given window. */
export function expectRetryAfter(headers: Headers, maxSeconds: number): void {
  const retryAfter = Number(headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

let nextAddress = 0;
/** A client address of its own for each test (the server reads it from x-forwarded-for). */
export const freshAddress = () => `198.51.100.${++nextAddress}`;
