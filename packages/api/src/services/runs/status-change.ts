import {
  canTransition,
  IllegalTransitionError,
  isTerminal,
  type RunStatus,
} from '@opsledger/domain';

import { conflict } from '../../errors';

/** What an update asks of a run's status once the machine has judged it. */
export type StatusChange =
  /** The run already holds this terminal status: a client's retry, answered without a write. */
  { kind: 'retry' } | { kind: 'apply'; status: RunStatus; changed: boolean };

/**
 * Judges a requested status against the current one (`subject` names the run in messages).
 * Illegal moves throw IllegalTransitionError (a 409 starting with "status:"); a finished run
 * takes no further changes, except the idempotent repeat of its own status.
 */
export function planStatusChange(
  subject: string,
  from: RunStatus,
  requested: RunStatus | undefined,
): StatusChange {
  if (isTerminal(from) && requested === from) return { kind: 'retry' };
  if (isTerminal(from) && requested === undefined) {
    throw conflict(`status: the ${subject} is ${from} already and can no longer change`);
  }
  const status = requested ?? from;
  if (!canTransition(from, status)) throw new IllegalTransitionError(from, status);
  return { kind: 'apply', status, changed: status !== from };
}
