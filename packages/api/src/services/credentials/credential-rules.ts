import { canGrant, type CredentialKind, type CredentialTimes, type Role } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { forbidden, notFound } from '../../errors';
import { isoInstant, isoInstantOrNull } from '../sql-instant';

/** Refuses to create a credential with a role the caller may not hand out. */
export function checkMayGrant(ctx: ServiceContext, kind: CredentialKind, role: Role): void {
  if (!canGrant(ctx.caller.role, role)) {
    throw forbidden(`role: a ${ctx.caller.role} key may not create ${role} ${kind.plural}`);
  }
}

/** The times of a credential row (timestamptz as text) as the API answers them. */
export const credentialTimesOf = (row: {
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}): CredentialTimes => ({
  createdAt: isoInstant(row.createdAt),
  lastUsedAt: isoInstantOrNull(row.lastUsedAt),
  revokedAt: isoInstantOrNull(row.revokedAt),
});

/** The two queries a revocation needs, both within the caller's team. */
interface RevokeQueries<Row> {
  find(): Promise<Row | undefined>;
  /** Sets `revokedAt` unless it is set already; the updated row, if any. */
  markRevoked(revokedAt: string): Promise<Row | undefined>;
}

/**
 * Revokes one of the team's credentials: not found unless it is the team's, refused when its
 * role is one the caller may not hand out, and answered unchanged when revoked already.
 */
export async function revokeCredential<Row extends { role: Role }>(
  ctx: ServiceContext,
  kind: CredentialKind,
  queries: RevokeQueries<Row>,
): Promise<Row> {
  const target = await queries.find();
  if (!target) throw notFound(`${kind.ref}: ${kind.label}`);
  if (!canGrant(ctx.caller.role, target.role)) {
    throw forbidden(
      `${kind.ref}: a ${ctx.caller.role} key may not revoke ${target.role} ${kind.plural}`,
    );
  }
  return (await queries.markRevoked(new Date().toISOString())) ?? target;
}
