import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@opsledger/domain/enums';

import type { FormErrors } from '../settings/settings-ui';

/** What the change-password form holds when it is sent. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  revokeOtherSessions: boolean;
}

/** The form's fields, in the order a person fills them (the first with a problem gets focus). */
export const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/**
 * What is wrong with the form before anything is sent: the same lengths Better Auth checks, and
 * the two new passwords the same. An empty object when there is nothing to say.
 */
export function problemsBeforeSending(change: PasswordChange): Record<string, string> {
  const problems: Record<string, string> = {};
  if (change.currentPassword === '') problems.currentPassword = 'Enter your current password.';
  const length = change.newPassword.length;
  if (length < MIN_PASSWORD_LENGTH) {
    problems.newPassword =
      length === 0
        ? 'Enter a new password.'
        : `Too short: use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}).`;
  } else if (length > MAX_PASSWORD_LENGTH) {
    problems.newPassword = `Too long: use at most ${MAX_PASSWORD_LENGTH} characters.`;
  } else if (change.newPassword === change.currentPassword) {
    problems.newPassword = 'Choose a password other than your current one.';
  }
  if (change.confirmPassword !== change.newPassword) {
    problems.confirmPassword =
      change.confirmPassword === ''
        ? 'Type the new password again.'
        : 'This does not match the new password.';
  }
  return problems;
}

/** Better Auth's error codes that concern one of the form's fields, in words a person reads. */
const FIELD_OF_CODE: Record<string, [field: string, message: string]> = {
  INVALID_PASSWORD: ['currentPassword', 'That is not your current password.'],
  PASSWORD_TOO_SHORT: ['newPassword', `Too short: use at least ${MIN_PASSWORD_LENGTH} characters.`],
  PASSWORD_TOO_LONG: ['newPassword', `Too long: use at most ${MAX_PASSWORD_LENGTH} characters.`],
};

/** Why the server refused the change: at the field it concerns, or above the button. */
export async function problemsOfRefusal(response: Response): Promise<FormErrors> {
  const body = (await response.json().catch(() => null)) as {
    code?: string;
    message?: string;
  } | null;
  const field = FIELD_OF_CODE[body?.code ?? ''];
  if (field) return { fields: { [field[0]]: field[1] }, general: null };
  if (response.status === 429) {
    const seconds = response.headers.get('retry-after');
    const wait = seconds ? `Try again in ${seconds} seconds.` : 'Wait a minute and try again.';
    return { fields: { currentPassword: `Too many wrong passwords. ${wait}` }, general: null };
  }
  if (response.status === 401) {
    return { fields: {}, general: 'Your session has ended. Sign in again, then change it.' };
  }
  if (response.status === 503) {
    return {
      fields: {},
      general: 'OpsLedger is starting or its database is down. Try again shortly.',
    };
  }
  return {
    fields: {},
    general: body?.message ?? `The password was not changed (HTTP ${response.status}).`,
  };
}
