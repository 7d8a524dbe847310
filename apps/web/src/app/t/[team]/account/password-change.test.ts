import { describe, expect, it } from 'vitest';

import { problemsBeforeSending, problemsOfRefusal } from './password-change';

const change = (newPassword: string, confirmPassword = newPassword, currentPassword = 'old') => ({
  currentPassword,
  newPassword,
  confirmPassword,
  revokeOtherSessions: true,
});

describe('problemsBeforeSending', () => {
  it('has nothing to say about a long enough new password typed twice', () => {
    expect(problemsBeforeSending(change('twelve chars'))).toEqual({});
  });

  it('names each field that is wrong, with what to do', () => {
    expect(problemsBeforeSending(change('', '', ''))).toEqual({
      currentPassword: 'Enter your current password.',
      newPassword: 'Enter a new password.',
    });
    expect(problemsBeforeSending(change('eleven char')).newPassword).toBe(
      'Too short: use at least 12 characters (this one has 11).',
    );
    expect(problemsBeforeSending(change('x'.repeat(129))).newPassword).toBe(
      'Too long: use at most 128 characters.',
    );
    expect(problemsBeforeSending(change('twelve chars', 'twelve chars', 'twelve chars'))).toEqual({
      newPassword: 'Choose a password other than your current one.',
    });
    expect(problemsBeforeSending(change('twelve chars', 'twelve charz'))).toEqual({
      confirmPassword: 'This does not match the new password.',
    });
    expect(problemsBeforeSending(change('twelve chars', ''))).toEqual({
      confirmPassword: 'Type the new password again.',
    });
  });
});

describe('problemsOfRefusal', () => {
  it("puts Better Auth's wrong current password at the current password field", async () => {
    const answer = Response.json(
      { code: 'INVALID_PASSWORD', message: 'Invalid password' },
      { status: 400 },
    );
    await expect(problemsOfRefusal(answer)).resolves.toEqual({
      fields: { currentPassword: 'That is not your current password.' },
      general: null,
    });
  });

  it('says how long to wait when the failure budget is spent', async () => {
    const answer = Response.json(
      { code: 'TOO_MANY_REQUESTS', message: 'too many failed authentications: try again in 42 s' },
      { status: 429, headers: { 'retry-after': '42' } },
    );
    await expect(problemsOfRefusal(answer)).resolves.toEqual({
      fields: { currentPassword: 'Too many wrong passwords. Try again in 42 seconds.' },
      general: null,
    });
  });

  it('asks for a new sign-in when the session has ended', async () => {
    const answer = Response.json({ code: 'UNAUTHORIZED' }, { status: 401 });
    await expect(problemsOfRefusal(answer)).resolves.toMatchObject({
      fields: {},
      general: 'Your session has ended. Sign in again, then change it.',
    });
  });
});
