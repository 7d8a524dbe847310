import {
  and,
  asc,
  authUsers,
  eq,
  memberships,
  teams,
  type Database,
  type DbTransaction,
  type TransactionScope,
} from '@opsledger/db';
import {
  canGrant,
  type AddedMember,
  type AddMemberInput,
  type ChangeMemberRoleInput,
  type Member,
  type RemoveMemberInput,
  type Role,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { conflict, forbidden, invalidField, notFound } from '../../errors';
import { isoInstant } from '../sql-instant';
import { prepareMemberEvent } from './member-events';
import { createPerson, findPerson } from './people';

export interface TeamMembership {
  team: { id: string; slug: string; name: string };
  role: Role;
}

/**
 * The teams of the person whose id is the SQL expression `userId`, in the order the portal
 * lists them, as the JSON text of a TeamMembership array: a query can read them in the same
 * round trip as something else (the portal's session, see session-fast-path.ts).
 */
export const personTeamsJson = (userId: string) =>
  `(select coalesce(json_agg(json_build_object(` +
  `'team', json_build_object('id', t.id, 'slug', t.slug, 'name', t.name), 'role', m.role)` +
  ` order by t.name, t.slug), '[]')::text` +
  ` from memberships m join teams t on t.id = m.team_id where m.user_id = ${userId})`;

export const parsePersonTeams = (json: string) => JSON.parse(json) as TeamMembership[];

/**
 * The teams a person may open, in the order the portal lists them.
 */
export async function teamsOf(database: Database, userId: string): Promise<TeamMembership[]> {
  const [row] = await database.query<{ teams: string }>(
    `select ${personTeamsJson('$1')} as teams`,
    [userId],
  );
  return row ? parsePersonTeams(row.teams) : [];
}

/** The person's membership of the team named by its slug; null when there is none. */
export async function membershipOf(
  database: Database,
  userId: string,
  teamSlug: string,
): Promise<TeamMembership | null> {
  const [row] = await database.db
    .select({ team: { id: teams.id, slug: teams.slug, name: teams.name }, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.userId, userId), eq(teams.slug, teamSlug)));
  return row ?? null;
}

const memberColumns = {
  userId: memberships.userId,
  email: authUsers.email,
  role: memberships.role,
  createdAt: memberships.createdAt,
};

export async function listMembers({ ctx }: { ctx: ServiceContext }): Promise<Member[]> {
  const rows = await ctx.database.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(authUsers, eq(authUsers.id, memberships.userId))
    .where(eq(memberships.teamId, ctx.caller.team.id))
    .orderBy(asc(authUsers.email));
  return rows.map((row) => ({ ...row, createdAt: isoInstant(row.createdAt) }));
}

/** Joins a person to a team; they are created, with an initial password, if new. */
export async function addMembership(
  database: Database,
  team: { id: string },
  input: { email: string; role: Role },
  /** Runs in the transaction that adds the membership (the API records who added whom). */
  alongside?: (scope: TransactionScope, added: { userId: string; email: string }) => Promise<void>,
): Promise<AddedMember> {
  const existing = await findPerson(database, input.email);
  const created = existing ? null : await createPerson(database, input.email);
  const person = existing ?? created?.person;
  if (!person) throw new Error('the person vanished while being added');
  const createdAt = new Date().toISOString();
  await database.transaction(async (scope) => {
    const inserted = await scope.db
      .insert(memberships)
      .values({ teamId: team.id, userId: person.id, role: input.role, createdAt })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict(`email: ${person.email} is already a member`);
    await alongside?.(scope, { userId: person.id, email: person.email });
  });
  return {
    userId: person.id,
    email: person.email,
    role: input.role,
    createdAt,
    password: created?.password ?? null,
  };
}

function checkMayGrantRole(ctx: ServiceContext, role: Role): void {
  if (!canGrant(ctx.caller.role, role)) {
    throw forbidden(`role: a ${ctx.caller.role} may not make someone ${role}`);
  }
}

export async function addMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AddMemberInput;
}): Promise<AddedMember> {
  checkMayGrantRole(ctx, input.role);
  const recordEvent = await prepareMemberEvent(ctx, 'MemberAdded');
  return addMembership(ctx.database, ctx.caller.team, input, (scope, added) =>
    recordEvent(scope, added, { email: added.email, role: input.role }),
  );
}

async function findMember(ctx: ServiceContext, db: DbTransaction, userId: string): Promise<Member> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(authUsers, eq(authUsers.id, memberships.userId))
    .where(and(eq(memberships.teamId, ctx.caller.team.id), eq(memberships.userId, userId)));
  if (!row) throw notFound('userId: member');
  return { ...row, createdAt: isoInstant(row.createdAt) };
}

/**
 * Changes one member of the caller's team in a transaction holding the team's owners locked,
 * so that two owners demoting or removing each other at once cannot leave the team without
 * one: the second waits, then sees the first's change. `change` gets the member as they are
 * then, already checked against the caller's role.
 */
async function changeMember<T>(
  ctx: ServiceContext,
  userId: string,
  change: (scope: TransactionScope, member: Member, otherOwners: number) => Promise<T>,
): Promise<T> {
  return ctx.database.transaction(async (scope) => {
    const owners = await scope.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.teamId, ctx.caller.team.id), eq(memberships.role, 'owner')))
      .for('update');
    const member = await findMember(ctx, scope.db, userId);
    // Nobody acts on a member whose role is above their own.
    checkMayGrantRole(ctx, member.role);
    return change(scope, member, owners.filter((owner) => owner.userId !== userId).length);
  });
}

/** A team keeps at least one owner: the last one can be neither demoted nor removed. */
function checkNotLastOwner(member: Member, otherOwners: number): void {
  if (member.role === 'owner' && otherOwners === 0) {
    throw invalidField('userId', 'the team must keep at least one owner');
  }
}

export async function changeMemberRole({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChangeMemberRoleInput;
}): Promise<Member> {
  // Neither the role they have nor the one they get may be above the caller's.
  checkMayGrantRole(ctx, input.role);
  const recordEvent = await prepareMemberEvent(ctx, 'MemberRoleChanged');
  return changeMember(ctx, input.userId, async (scope, member, otherOwners) => {
    if (input.role !== 'owner') checkNotLastOwner(member, otherOwners);
    await scope.db
      .update(memberships)
      .set({ role: input.role })
      .where(
        and(eq(memberships.teamId, ctx.caller.team.id), eq(memberships.userId, member.userId)),
      );
    await recordEvent(scope, member, { email: member.email, from: member.role, to: input.role });
    return { ...member, role: input.role };
  });
}

export async function removeMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RemoveMemberInput;
}): Promise<Member> {
  const recordEvent = await prepareMemberEvent(ctx, 'MemberRemoved');
  return changeMember(ctx, input.userId, async (scope, member, otherOwners) => {
    checkNotLastOwner(member, otherOwners);
    await scope.db
      .delete(memberships)
      .where(
        and(eq(memberships.teamId, ctx.caller.team.id), eq(memberships.userId, member.userId)),
      );
    await recordEvent(scope, member, { email: member.email, role: member.role });
    return member;
  });
}
