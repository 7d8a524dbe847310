import { and, asc, authUsers, eq, memberships, teams, type Database } from '@opsledger/db';
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
 * The teams a person may open, in the order the portal lists them. Raw SQL: PostgreSQL
 * prepares it once per connection, where Drizzle's builder has every query described first,
 * a second round trip (docs/performance.md).
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
): Promise<AddedMember> {
  const existing = await findPerson(database, input.email);
  const created = existing ? null : await createPerson(database, input.email);
  const person = existing ?? created?.person;
  if (!person) throw new Error('the person vanished while being added');
  const createdAt = new Date().toISOString();
  const inserted = await database.db
    .insert(memberships)
    .values({ teamId: team.id, userId: person.id, role: input.role, createdAt })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw conflict(`email: ${person.email} is already a member`);
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
  return addMembership(ctx.database, ctx.caller.team, input);
}

async function findMember(ctx: ServiceContext, userId: string): Promise<Member> {
  const [row] = await ctx.database.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(authUsers, eq(authUsers.id, memberships.userId))
    .where(and(eq(memberships.teamId, ctx.caller.team.id), eq(memberships.userId, userId)));
  if (!row) throw notFound('userId: member');
  return { ...row, createdAt: isoInstant(row.createdAt) };
}

/** A team keeps at least one owner: the last one can be neither demoted nor removed. */
async function checkNotLastOwner(ctx: ServiceContext, member: Member): Promise<void> {
  if (member.role !== 'owner') return;
  const owners = await ctx.database.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.teamId, ctx.caller.team.id), eq(memberships.role, 'owner')));
  if (owners.length <= 1) throw invalidField('userId', 'the team must keep at least one owner');
}

export async function changeMemberRole({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChangeMemberRoleInput;
}): Promise<Member> {
  const member = await findMember(ctx, input.userId);
  // Neither the role they have nor the one they get may be above the caller's.
  checkMayGrantRole(ctx, member.role);
  checkMayGrantRole(ctx, input.role);
  if (input.role !== 'owner') await checkNotLastOwner(ctx, member);
  await ctx.database.db
    .update(memberships)
    .set({ role: input.role })
    .where(and(eq(memberships.teamId, ctx.caller.team.id), eq(memberships.userId, input.userId)));
  return { ...member, role: input.role };
}

export async function removeMember({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RemoveMemberInput;
}): Promise<Member> {
  const member = await findMember(ctx, input.userId);
  checkMayGrantRole(ctx, member.role);
  await checkNotLastOwner(ctx, member);
  await ctx.database.db
    .delete(memberships)
    .where(and(eq(memberships.teamId, ctx.caller.team.id), eq(memberships.userId, input.userId)));
  return member;
}
