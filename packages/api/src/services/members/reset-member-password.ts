import {
  and,
  authAccounts,
  authSessions,
  authUsers,
  eq,
  memberships,
  ne,
  type Db,
  type DbTransaction,
} from '@opsledger/db';
import {
  canGrant,
  type ResetMemberPassword,
  type ResetMemberPasswordInput,
  type Role,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { forbidden, invalidField, notFound } from '../../errors';
import { prepareMemberEvent } from './member-events';
import { newHashedPassword, normalEmail } from './people';

interface ResetTarget {
  userId: string;
  email: string;
  role: Role;
}

/** The member of the caller's team with this address; anyone else is "not found", alike. */
async function memberByEmail(
  ctx: ServiceContext,
  db: Db | DbTransaction,
  email: string,
): Promise<ResetTarget> {
  const [row] = await db
    .select({ userId: memberships.userId, email: authUsers.email, role: memberships.role })
    .from(memberships)
    .innerJoin(authUsers, eq(authUsers.id, memberships.userId))
    .where(
      and(eq(memberships.teamId, ctx.caller.team.id), eq(authUsers.email, normalEmail(email))),
    );
  if (!row) throw notFound('email: member');
  return row;
}

/**
 * Whether the person belongs to a team besides the caller's. Their password opens every team
 * they belong to, so this team's owners and admins may not choose it for them.
 */
async function belongsElsewhere(
  ctx: ServiceContext,
  db: Db | DbTransaction,
  userId: string,
): Promise<boolean> {
  const [other] = await db
    .select({ teamId: memberships.teamId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.teamId, ctx.caller.team.id)))
    .limit(1);
  return other !== undefined;
}

/** Refuses, naming the field, every reset the rules forbid (issue #10). */
async function checkMayReset(
  ctx: ServiceContext,
  db: Db | DbTransaction,
  member: ResetTarget,
): Promise<void> {
  const { credential, role } = ctx.caller;
  if (credential.kind === 'member' && credential.userId === member.userId) {
    throw invalidField(
      'email',
      'you cannot reset your own password here: change it on your account page',
    );
  }
  // As with changeRole and remove: nobody acts on a member whose role is above their own (only
  // an owner's is above a manager's).
  if (!canGrant(role, member.role)) {
    throw forbidden("email: only an owner may reset an owner's password");
  }
  if (await belongsElsewhere(ctx, db, member.userId)) {
    throw forbidden(
      `email: ${member.email} also belongs to another team, so their password is not this ` +
        "team's to reset: they can change it themselves on their account page",
    );
  }
}

/**
 * An owner or admin gives a member who forgot their password a new generated one (there is no
 * email to send a link by). In one transaction the password is replaced, every session of the
 * member ends (whoever held one is out) and the team's system events record who did it.
 */
export async function resetMemberPassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ResetMemberPasswordInput;
}): Promise<ResetMemberPassword> {
  // Refused early, before the (deliberately slow) hashing of a new password…
  const found = await memberByEmail(ctx, ctx.database.db, input.email);
  await checkMayReset(ctx, ctx.database.db, found);
  const { userId } = found;
  const { password, hash } = await newHashedPassword(ctx.database);
  const recordEvent = await prepareMemberEvent(ctx, 'MemberPasswordReset');
  const member = await ctx.database.transaction(async (scope) => {
    // …and checked again on the locked person, so that what was checked is what is written.
    // Adding them to another team takes a KEY SHARE lock on this row (the membership's
    // foreign key), which FOR UPDATE conflicts with: that addition waits for this reset, or
    // this reset waits for it and then sees the other team.
    await scope.db
      .select({ id: authUsers.id })
      .from(authUsers)
      .where(eq(authUsers.id, userId))
      .for('update');
    const current = await memberByEmail(ctx, scope.db, input.email);
    if (current.userId !== userId) throw notFound('email: member');
    await checkMayReset(ctx, scope.db, current);
    const replaced = await scope.db
      .update(authAccounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, 'credential')))
      .returning({ id: authAccounts.id });
    // Every member is created with a password (members.add); one without is a broken row.
    if (replaced.length === 0) throw new Error(`${current.email} has no password to replace`);
    await scope.db.delete(authSessions).where(eq(authSessions.userId, userId));
    await recordEvent(scope, current, { email: current.email, role: current.role });
    return current;
  });
  return { email: member.email, password };
}
