import type { Database } from '@opsledger/db';

import { TooManyRequestsError } from '../../errors';
import { perDatabase } from '../../process/per-database';
import { DEFAULT_FAILED_AUTH_LIMITS, type FailedAuthLimits } from './failed-auth-limits';
import { FailureBudgets } from './failure-budgets';
import { noteFailure } from './failure-events';
import type { AuthScheme, CredentialOwner } from './failure-report';

/** Each database's callers are counted together, whichever route they came in by. */
const budgetsByDatabase = perDatabase(
  'failure-budgets',
  () => new FailureBudgets(DEFAULT_FAILED_AUTH_LIMITS),
);

/** Sets the limits of a database's callers (StartOptions, tests); counting starts afresh. */
export function configureFailedAuthLimits(database: Database, limits: FailedAuthLimits): void {
  budgetsByDatabase.set(database, new FailureBudgets(limits));
}

export interface AuthAttempt {
  scheme: AuthScheme;
  /** What the budget counts: the credential's id, or a digest of a bearer secret. Not logged. */
  credential: string;
  /** The client's address; null when there is none (an in-process caller). */
  clientAddress: string | null;
  /** A secret that can be guessed (a 6-digit code, a password): counted before it is checked. */
  guessable?: boolean;
}

/** What verification found: the caller, or why not and whose credential it was. */
export type Verdict<T> = { ok: T } | { failed: string; owner: CredentialOwner | null };

/**
 * The one gate of every authentication scheme: an attempt whose credential or address has
 * spent its failure budget is refused (TooManyRequestsError, 429) without being verified; a
 * verified failure counts against both and is reported; a success is what `verify` gave.
 */
export async function guardAuthentication<T>(
  database: Database,
  attempt: AuthAttempt,
  verify: () => Promise<Verdict<T>>,
): Promise<T | null> {
  const budgets = budgetsByDatabase.of(database);
  const credential = `${attempt.scheme}:${attempt.credential}`;
  const address = attempt.clientAddress;
  const admission = await budgets.admit(credential, address, attempt.guessable ?? false);
  const note = { scheme: attempt.scheme, address };
  if (!admission.admitted) {
    const reason = 'too-many-failures';
    noteFailure(database, credential, { ...note, owner: null, reason, refused: true });
    const seconds = Math.ceil(admission.waitMs / 1000);
    throw new TooManyRequestsError(
      `too many failed authentications: try again in ${seconds} s`,
      seconds,
    );
  }
  let verdict: Verdict<T>;
  try {
    verdict = await verify();
  } catch (error) {
    // Not a verdict (the database failed): give back a reserved failure, refuse nothing more.
    await budgets.settle(credential, address, admission, false);
    throw error;
  }
  const failed = !('ok' in verdict);
  await budgets.settle(credential, address, admission, failed);
  if ('ok' in verdict) return verdict.ok;
  noteFailure(database, credential, {
    ...note,
    owner: verdict.owner,
    reason: verdict.failed,
    refused: false,
  });
  return null;
}
