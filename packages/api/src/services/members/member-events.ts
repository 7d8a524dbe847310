import { randomUUID } from 'node:crypto';

import {
  appendEventsIn,
  authUsers,
  ensureEventPartitions,
  eq,
  type PendingEvent,
  type TransactionScope,
} from '@opsledger/db';
import { platformEventToEnvelope } from '@opsledger/domain';

import type { ServiceContext } from '../../context';

/** What happened to a member, as the team's system events name it (module "Members"). */
export type MemberEventName =
  'MemberAdded' | 'MemberRoleChanged' | 'MemberRemoved' | 'MemberPasswordReset';

/** Who acted, as the system events name them: the person's address, or the API key. */
async function actorOf(ctx: ServiceContext): Promise<{ by: string }> {
  const { credential } = ctx.caller;
  if (credential.kind === 'api-key') return { by: `api key ${credential.keyId}` };
  const [person] = await ctx.database.db
    .select({ email: authUsers.email })
    .from(authUsers)
    .where(eq(authUsers.id, credential.userId));
  return { by: person?.email ?? credential.userId };
}

/**
 * Records, inside the transaction that makes a change to the team's members, a system event
 * of it: who the member is, what changed and who changed it. Prepared outside the transaction
 * (the month's partition, the actor's address); `record` is called with the transaction's scope.
 */
export async function prepareMemberEvent(
  ctx: ServiceContext,
  name: MemberEventName,
): Promise<
  (
    scope: TransactionScope,
    member: { userId: string },
    detail: Record<string, unknown>,
  ) => Promise<void>
> {
  const actor = await actorOf(ctx);
  const at = new Date().toISOString();
  await ensureEventPartitions(ctx.database, [at]);
  return async (scope, member, detail) => {
    const event: PendingEvent = {
      id: randomUUID(),
      stream: 'system',
      occurredAt: at,
      ...platformEventToEnvelope({
        type: 'system',
        module: 'Members',
        name,
        instanceId: member.userId,
        detail: { body: JSON.stringify({ ...detail, ...actor }) },
      }),
    };
    await appendEventsIn(scope.raw, ctx.caller.team.id, [event]);
  };
}
