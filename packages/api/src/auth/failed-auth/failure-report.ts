import { IpAddress, type PlatformEventInput } from '@opsledger/domain';

/** Every way a client proves who it is; the name events and logs give it. */
export type AuthScheme =
  'api-key' | 'access-key' | 'hblock-user' | 'did-spaces-app' | 'portal-sign-in';

/** The team a credential belongs to, and the credential's public id (never its secret). */
export interface CredentialOwner {
  team: { id: string; slug: string; name: string };
  credentialId: string;
}

/** What a minute of failures of one credential amounts to. */
export interface FailureReport {
  scheme: AuthScheme;
  owner: CredentialOwner | null;
  /** Attempts verified and refused (401s). */
  failures: number;
  /** Attempts refused unverified because a budget was spent (429s). */
  refused: number;
  lastReason: string;
  lastAddress: string | null;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function describeFailures(report: FailureReport): string {
  const who = report.owner ? report.owner.credentialId : 'unknown credentials';
  const from = report.lastAddress ? ` (last from ${report.lastAddress})` : '';
  return (
    `${report.scheme} ${who}: ${plural(report.failures, 'failed authentication')}, ` +
    `${plural(report.refused, 'attempt')} refused for too many failures${from}; ` +
    `last reason: ${report.lastReason}`
  );
}

/** The system event of a report: scheme, credential id, address, counts and reason, no secret. */
export function failureEvent(report: FailureReport): PlatformEventInput {
  const address = IpAddress.safeParse(report.lastAddress);
  return {
    type: 'system',
    module: 'Auth',
    name: 'AuthenticationFailed',
    requesterIP: address.success ? address.data : undefined,
    statusCode: report.failures > 0 ? 401 : 429,
    errorCode: report.lastReason,
    errorMessage: describeFailures(report),
    detail: {
      body: JSON.stringify({
        scheme: report.scheme,
        credentialId: report.owner?.credentialId,
        failures: report.failures,
        refused: report.refused,
        clientAddress: report.lastAddress,
        reason: report.lastReason,
      }),
    },
  };
}
