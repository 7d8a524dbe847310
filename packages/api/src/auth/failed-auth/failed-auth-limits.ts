/** At most `failures` failed authentications in any `perSeconds` window (fixed from the first). */
export interface FailureBudget {
  failures: number;
  perSeconds: number;
}

/**
 * How many failed authentications a credential and a client address may have before further
 * attempts are refused unverified. Every budget of a dimension applies at once.
 */
export interface FailedAuthLimits {
  /** Per credential id: the access key id, the HBlock user, the app DID, the API key presented. */
  credential: readonly FailureBudget[];
  /** Per client address, whatever credentials it tries. */
  address: readonly FailureBudget[];
}

/**
 * A client that mistypes or runs with a skewed clock fails a few times a minute, not ten. The
 * daily budget is what makes guessing useless: a 6-digit TOTP (3 codes valid at a time) takes
 * ~3,300 days at 100 guesses a day, against ~23 days at 10 a minute.
 */
export const DEFAULT_FAILED_AUTH_LIMITS: FailedAuthLimits = {
  credential: [
    { failures: 10, perSeconds: 60 },
    { failures: 100, perSeconds: 24 * 60 * 60 },
  ],
  address: [{ failures: 50, perSeconds: 60 }],
};
