import { z } from 'zod';

import { RUN_STATUSES } from '../enums';

export { RUN_STATUSES };
export type RunStatus = (typeof RUN_STATUSES)[number];

export const TERMINAL_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'canceled'];

/**
 * Other spellings the seed systems use: DID Spaces' real package says `default`, its docs say
 * INITIAL / SUCCESS / CANCELED; both are accepted natively.
 */
const ALIASES: Record<string, RunStatus> = {
  default: 'initial',
  success: 'succeeded',
  succeed: 'succeeded',
  error: 'failed',
  cancelled: 'canceled',
};

export const RunStatus = z.preprocess(
  (value) =>
    typeof value === 'string' ? (ALIASES[value.toLowerCase()] ?? value.toLowerCase()) : value,
  z.enum(RUN_STATUSES),
);

const rank = (status: RunStatus) => RUN_STATUSES.indexOf(status);

export function isTerminal(status: RunStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * A run only moves forward: initial -> pending -> running -> one terminal status, possibly
 * skipping steps (a sync reported done straight from pending). Staying in a non-terminal status
 * is a progress update. A terminal status is final; repeating it is an idempotent retry.
 */
export function canTransition(from: RunStatus, to: RunStatus): boolean {
  if (isTerminal(from)) return from === to;
  if (isTerminal(to)) return true;
  return rank(to) >= rank(from);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: RunStatus,
    readonly to: RunStatus,
  ) {
    super(`cannot move from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}
