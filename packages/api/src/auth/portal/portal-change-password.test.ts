import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPortalCaller } from '../../caller';
import {
  cookieHeaderOf,
  createTestApi,
  newMember,
  signInRequest,
  signInToPortal,
  type TestTeam,
} from '../../testing';
import { handlePortalAuth } from './portal-auth-handler';

let api: Awaited<ReturnType<typeof createTestApi>>;
let team: TestTeam;

beforeAll(async () => {
  api = await createTestApi({
    failedAuthLimits: { credential: [{ failures: 3, perSeconds: 60 }], address: [] },
  });
  team = await api.newTeam();
});
afterAll(() => api.close());

/** The change-password request the portal's account page sends, with the session's cookie. */
function changePasswordRequest(
  cookie: string,
  body: { currentPassword: string; newPassword: string; revokeOtherSessions?: boolean },
) {
  return new Request('http://localhost:3000/api/auth/change-password', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: 'http://localhost:3000',
      cookie,
      'x-forwarded-for': '203.0.113.9',
    },
    body: JSON.stringify(body),
  });
}

const NEW_PASSWORD = 'a brand new passphrase';

describe('a person changing their portal password', () => {
  it('signs in with the new password only, and may sign out their other sessions', async () => {
    const member = await newMember(api.database, team, 'viewer');
    const otherSession = await signInToPortal(api.database, member.email, member.password);
    expect(otherSession).not.toBeNull();

    const changed = await handlePortalAuth(
      changePasswordRequest(member.cookie, {
        currentPassword: member.password,
        newPassword: NEW_PASSWORD,
        revokeOtherSessions: true,
      }),
      api.database,
    );
    expect(changed.status).toBe(200);

    expect(await signInToPortal(api.database, member.email, member.password)).toBeNull();
    expect(await signInToPortal(api.database, member.email, NEW_PASSWORD)).not.toBeNull();
    // The other session is gone; the one that asked goes on under the cookie it was answered.
    await expect(
      createPortalCaller(api.database, otherSession ?? '', team.slug).then((caller) =>
        caller.teams.current(),
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const renewed = await createPortalCaller(api.database, cookieHeaderOf(changed), team.slug);
    expect((await renewed.teams.current()).slug).toBe(team.slug);
  });

  it('keeps the other sessions when not asked to sign them out', async () => {
    const member = await newMember(api.database, team, 'viewer');
    const otherSession = await signInToPortal(api.database, member.email, member.password);
    const changed = await handlePortalAuth(
      changePasswordRequest(member.cookie, {
        currentPassword: member.password,
        newPassword: NEW_PASSWORD,
        revokeOtherSessions: false,
      }),
      api.database,
    );
    expect(changed.status).toBe(200);
    const other = await createPortalCaller(api.database, otherSession ?? '', team.slug);
    expect((await other.teams.current()).slug).toBe(team.slug);
  });

  it('refuses a new password shorter than 12 characters, naming it', async () => {
    const member = await newMember(api.database, team, 'viewer');
    const refused = await handlePortalAuth(
      changePasswordRequest(member.cookie, {
        currentPassword: member.password,
        newPassword: 'too short',
      }),
      api.database,
    );
    expect(refused.status).toBe(400);
    await expect(refused.json()).resolves.toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    expect(await signInToPortal(api.database, member.email, member.password)).not.toBeNull();
  });

  it('counts a wrong current password as a failed sign-in to that address', async () => {
    const member = await newMember(api.database, team, 'member');
    for (let i = 0; i < 3; i++) {
      const refused = await handlePortalAuth(
        changePasswordRequest(member.cookie, {
          currentPassword: `guess number ${i}`,
          newPassword: NEW_PASSWORD,
        }),
        api.database,
      );
      expect(refused.status).toBe(400);
      await expect(refused.json()).resolves.toMatchObject({ code: 'INVALID_PASSWORD' });
    }
    // The budget is spent: the right password is refused unchecked, here and at sign-in.
    const changeRefused = await handlePortalAuth(
      changePasswordRequest(member.cookie, {
        currentPassword: member.password,
        newPassword: NEW_PASSWORD,
      }),
      api.database,
    );
    expect(changeRefused.status).toBe(429);
    expect(changeRefused.headers.get('retry-after')).toMatch(/^\d+$/);
    const signInRefused = await handlePortalAuth(
      signInRequest(member.email, member.password),
      api.database,
    );
    expect(signInRefused.status).toBe(429);
  });

  it('is refused without a session, and spends no budget', async () => {
    const refused = await handlePortalAuth(
      changePasswordRequest('', { currentPassword: 'anything at all', newPassword: NEW_PASSWORD }),
      api.database,
    );
    expect(refused.status).toBe(401);
  });
});
