import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createTestApi,
  newMember,
  signInRequest,
  signInToPortal,
  type TestTeam,
} from '../../testing';
import { handlePortalAuth } from './portal-auth-handler';

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
