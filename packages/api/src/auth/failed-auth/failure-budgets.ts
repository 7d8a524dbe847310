import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

import type { FailedAuthLimits, FailureBudget } from './failed-auth-limits';

/** The budgets of one dimension (credential or address), each a counter of failures per key. */
class BudgetSet {
  private readonly counters: { budget: FailureBudget; limiter: RateLimiterMemory }[];

  constructor(budgets: readonly FailureBudget[]) {
    this.counters = budgets.map((budget) => ({
      budget,
      limiter: new RateLimiterMemory({ points: budget.failures, duration: budget.perSeconds }),
    }));
  }

  /** Milliseconds until `key` may be tried again; 0 while every budget has failures left. */
  async blockedForMs(key: string): Promise<number> {
    const waits = await Promise.all(
      this.counters.map(async ({ budget, limiter }) => {
        const used = await limiter.get(key);
        return used && used.consumedPoints >= budget.failures ? used.msBeforeNext : 0;
      }),
    );
    return Math.max(0, ...waits);
  }

  /** Counts a failure; a key already over budget stays blocked until its window ends. */
  async spend(key: string): Promise<void> {
    await Promise.all(this.counters.map(({ limiter }) => limiter.consume(key).catch(() => null)));
  }

  /**
   * Counts a failure in advance (0), or refuses (the milliseconds to wait) and counts nothing.
   * The counter moves before any await, so concurrent attempts cannot all see it unspent.
   */
  async reserve(key: string): Promise<number> {
    const results = await Promise.all(
      this.counters.map(({ limiter }) =>
        limiter.consume(key).then(
          () => ({ limiter, waitMs: 0 }),
          (refusal: unknown) => ({
            limiter: null,
            waitMs: refusal instanceof RateLimiterRes ? Math.max(1, refusal.msBeforeNext) : 1000,
          }),
        ),
      ),
    );
    const waitMs = Math.max(0, ...results.map((result) => result.waitMs));
    if (waitMs > 0) {
      // A refused attempt was not tried: give back what the other budgets counted for it.
      await Promise.all(
        results.flatMap(({ limiter }) => (limiter ? [limiter.reward(key, 1)] : [])),
      );
      // The refused budget counted past its points; that excess changes no window.
    }
    return waitMs;
  }

  /** Gives back a reserved failure that turned out a success. */
  async refund(key: string): Promise<void> {
    await Promise.all(this.counters.map(({ limiter }) => limiter.reward(key, 1)));
  }
}

/** Whether a verification is reserved against the budgets before it runs. */
export type Admission = { admitted: true; reserved: boolean } | { admitted: false; waitMs: number };

/** The failure counters of one process: what refuses an attempt before it is verified. */
export class FailureBudgets {
  private readonly credential: BudgetSet;
  private readonly address: BudgetSet;

  constructor(readonly limits: FailedAuthLimits) {
    this.credential = new BudgetSet(limits.credential);
    this.address = new BudgetSet(limits.address);
  }

  /**
   * May an attempt with this credential from this address be verified? `reserve` counts it as
   * a failure first: concurrent guesses of a guessable secret (a TOTP code) then cannot pass
   * the budget together. Without it, a burst may exceed the budget by what is in flight.
   */
  async admit(credential: string, address: string | null, reserve: boolean): Promise<Admission> {
    if (!reserve) {
      const waitMs = Math.max(
        await this.credential.blockedForMs(credential),
        address === null ? 0 : await this.address.blockedForMs(address),
      );
      return waitMs > 0 ? { admitted: false, waitMs } : { admitted: true, reserved: false };
    }
    const credentialWait = await this.credential.reserve(credential);
    if (credentialWait > 0) return { admitted: false, waitMs: credentialWait };
    const addressWait = address === null ? 0 : await this.address.reserve(address);
    if (addressWait > 0) {
      await this.credential.refund(credential);
      return { admitted: false, waitMs: addressWait };
    }
    return { admitted: true, reserved: true };
  }

  /** Books the outcome of an admitted attempt. */
  async settle(
    credential: string,
    address: string | null,
    admission: { reserved: boolean },
    failed: boolean,
  ): Promise<void> {
    if (failed === admission.reserved) return;
    const book = (set: BudgetSet, key: string) => (failed ? set.spend(key) : set.refund(key));
    await Promise.all([
      book(this.credential, credential),
      address === null ? undefined : book(this.address, address),
    ]);
  }
}
