import type { Database } from '@opsledger/db';
import {
  DEFAULT_EVENT_TIME_BOUNDS,
  eventTimeProblem,
  type EventTimeBounds,
} from '@opsledger/domain';

import { invalidField } from '../errors';
import { perDatabase } from '../process/per-database';

/** What one writer may do to the storage every team shares. */
export interface WriteLimits extends EventTimeBounds {
  /** How many months of events without a partition yet one request may add. */
  maxNewMonthsPerRequest: number;
}

export const DEFAULT_WRITE_LIMITS: WriteLimits = {
  ...DEFAULT_EVENT_TIME_BOUNDS,
  maxNewMonthsPerRequest: 12,
};

const configured = perDatabase('write-limits', () => DEFAULT_WRITE_LIMITS);

/** Sets the limits writes to this database obey; what is not given keeps its default. */
export function setWriteLimits(database: Database, limits: Partial<WriteLimits> = {}) {
  const given = Object.entries(limits).filter(([, value]) => value !== undefined);
  configured.set(database, { ...DEFAULT_WRITE_LIMITS, ...Object.fromEntries(given) });
}

export const writeLimitsOf = (database: Database): WriteLimits => configured.of(database);

/** Refuses a writer's time outside the bounds as a 400 naming the field. */
export function checkWriterTime(limits: WriteLimits, field: string, instant: string, now: number) {
  const problem = eventTimeProblem(instant, now, limits);
  if (problem !== null) throw invalidField(field, problem);
}
