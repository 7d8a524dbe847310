import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { authSessions, eq } from '@opsledger/db';

import { createPortalCaller } from '../../caller';
import { teamsOf } from '../../services/members/memberships';
import {
  createTestApi,
  newMember,
  signInRequest,
  signInToPortal,
  type TestTeam,
} from '../../testing';
import { portalAuthOf } from './portal-auth';
import { handlePortalAuth } from './portal-auth-handler';
import { fastSessionPerson } from './session-fast-path';

let api: Awaited<ReturnType<typeof createTestApi>>;
let teamA: TestTeam;
let teamB: TestTeam;

beforeAll(async () => {
  api = await createTestApi({
    failedAuthLimits: { credential: [{ failures: 3, perSeconds: 60 }], address: [] },
  });
  teamA = await api.newTeam();
  teamB = await api.newTeam();
});
afterAll(() => api.close());

describe('a person signed in to the portal', () => {
  it('acts in their team with the role of their membership, on the same procedures', async () => {
    const member = await newMember(api.database, teamA, 'viewer');
    const caller = await member.in();
    expect((await caller.teams.current()).slug).toBe(teamA.slug);
    await expect(caller.apiKeys.list()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'a viewer may not manage',
    });
  });

  it('is refused another team as if it did not exist, and sees none of its data', async () => {
    const member = await newMember(api.database, teamA, 'owner');
    await expect(member.in(teamB.slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(member.in('no-such-team')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists their teams, and must name one to act in', async () => {
    const member = await newMember(api.database, teamA, 'member');
    await teamB.owner.members.add({ email: member.email, role: 'admin' });
    const me = await (await member.in(null)).account.me();
    expect(me.email).toBe(member.email);
    expect(me.teams.map((team) => [team.slug, team.role]).sort()).toEqual(
      [
        [teamA.slug, 'member'],
        [teamB.slug, 'admin'],
      ].sort(),
    );
    await expect((await member.in(null)).teams.current()).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await (await member.in(teamB.slug)).members.list()).map((m) => m.email)).toContain(
      member.email,
    );
  });

  it('is refused with a wrong password, then rate-limited before the password is checked', async () => {
    const member = await newMember(api.database, teamA, 'member');
    expect(await signInToPortal(api.database, member.email, 'wrong password!')).toBeNull();
    for (let i = 0; i < 3; i++) {
      await handlePortalAuth(signInRequest(member.email, `guess number ${i}`), api.database);
    }
    const refused = await handlePortalAuth(
      signInRequest(member.email, member.password),
      api.database,
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('loses access when signed out', async () => {
    const member = await newMember(api.database, teamA, 'member');
    const signOut = new Request('http://localhost:3000/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: member.cookie, origin: 'http://localhost:3000' },
    });
    expect((await handlePortalAuth(signOut, api.database)).status).toBe(200);
    await expect((await member.in()).teams.current()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('a portal session cookie', () => {
  const HOUR_MS = 3_600_000;
  const WEEK_MS = 7 * 24 * HOUR_MS;
  const SESSION_COOKIE = 'opsledger.session_token';

  /** The cookie's session token and signature, as Better Auth wrote them. */
  function signedTokenOf(cookie: string) {
    const value = new URLSearchParams(cookie.replaceAll('; ', '&')).get(SESSION_COOKIE);
    if (!value) throw new Error(`no ${SESSION_COOKIE} in ${cookie}`);
    const dot = value.lastIndexOf('.');
    return { token: value.slice(0, dot), signature: value.slice(dot + 1) };
  }
  const cookieOf = (token: string, signature: string) =>
    `${SESSION_COOKIE}=${encodeURIComponent(`${token}.${signature}`)}`;

  const expiryOf = async (token: string) => {
    const [row] = await api.database.db
      .select({ expiresAt: authSessions.expiresAt })
      .from(authSessions)
      .where(eq(authSessions.token, token));
    return row?.expiresAt ?? null;
  };
  const setExpiry = (token: string, expiresAt: Date) =>
    api.database.db.update(authSessions).set({ expiresAt }).where(eq(authSessions.token, token));
  const fastPerson = (cookie: string) =>
    fastSessionPerson(portalAuthOf(api.database), api.database, cookie);
  const currentTeam = async (cookie: string) =>
    (await createPortalCaller(api.database, cookie, teamA.slug)).teams.current();

  it('is read in one query while fresh, naming the same person Better Auth does', async () => {
    const member = await newMember(api.database, teamA, 'viewer');
    await teamB.owner.members.add({ email: member.email, role: 'admin' });
    const teams = await teamsOf(api.database, member.userId);
    expect(teams.map(({ team, role }) => [team.id, role]).sort()).toEqual(
      [
        [teamA.id, 'viewer'],
        [teamB.id, 'admin'],
      ].sort(),
    );
    expect(await fastPerson(member.cookie)).toEqual({
      person: { userId: member.userId, email: member.email },
      teams,
    });
    const session = await portalAuthOf(api.database).api.getSession({
      headers: new Headers({ cookie: member.cookie }),
    });
    expect(session?.user).toMatchObject({ id: member.userId, email: member.email });
  });

  it('is refused with a signature that is not its own', async () => {
    const member = await newMember(api.database, teamA, 'member');
    const other = await newMember(api.database, teamA, 'member');
    const { token, signature } = signedTokenOf(member.cookie);
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const forgeries = [
      cookieOf(token, flipped),
      cookieOf(token, signedTokenOf(other.cookie).signature),
      cookieOf(token, 'not-a-signature'),
      `${SESSION_COOKIE}=${token}`,
    ];
    for (const forged of forgeries) {
      expect(await fastPerson(forged)).toBeUndefined();
      await expect(currentTeam(forged)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect((await currentTeam(member.cookie)).slug).toBe(teamA.slug);
  });

  it('is refused once that session was signed out elsewhere', async () => {
    const member = await newMember(api.database, teamA, 'member');
    const elsewhere = await signInToPortal(api.database, member.email, member.password);
    const signOut = new Request('http://localhost:3000/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: member.cookie, origin: 'http://localhost:3000' },
    });
    expect((await handlePortalAuth(signOut, api.database)).status).toBe(200);
    expect(await fastPerson(member.cookie)).toBeUndefined();
    await expect(currentTeam(member.cookie)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await currentTeam(elsewhere ?? '')).slug).toBe(teamA.slug);
  });

  it('is refused once expired, and its session is cleared', async () => {
    const member = await newMember(api.database, teamA, 'member');
    const { token } = signedTokenOf(member.cookie);
    await setExpiry(token, new Date(Date.now() - 60_000));
    expect(await fastPerson(member.cookie)).toBeUndefined();
    await expect(currentTeam(member.cookie)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await expiryOf(token)).toBeNull();
  });

  it('is extended by a week when used a day or more after it last was', async () => {
    const member = await newMember(api.database, teamA, 'member');
    const { token } = signedTokenOf(member.cookie);
    const lastExtended = Date.now() - 25 * HOUR_MS;
    await setExpiry(token, new Date(lastExtended + WEEK_MS));
    expect(await fastPerson(member.cookie)).toBeUndefined();
    expect((await currentTeam(member.cookie)).slug).toBe(teamA.slug);
    expect((await expiryOf(token))?.getTime()).toBeGreaterThan(Date.now() + WEEK_MS - 60_000);
    // Now fresh again: read in one query until the next day.
    expect((await fastPerson(member.cookie))?.person.userId).toBe(member.userId);
  });

  it('is not extended when used within a day of its last extension', async () => {
    const member = await newMember(api.database, teamA, 'member');
    const { token } = signedTokenOf(member.cookie);
    const expiresAt = new Date(Date.now() - 23 * HOUR_MS + WEEK_MS);
    await setExpiry(token, expiresAt);
    expect((await currentTeam(member.cookie)).slug).toBe(teamA.slug);
    expect(await expiryOf(token)).toEqual(expiresAt);
  });
});
