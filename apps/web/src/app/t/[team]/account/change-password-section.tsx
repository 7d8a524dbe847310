'use client';

import { KeyRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';

import { MIN_PASSWORD_LENGTH } from '@opsledger/domain/enums';

import {
  buttonClass,
  Field,
  GeneralError,
  inputClass,
  NO_ERRORS,
  Section,
  textOf,
  type FormErrors,
} from '../settings/settings-ui';
import {
  PASSWORD_FIELDS,
  problemsBeforeSending,
  problemsOfRefusal,
  type PasswordChange,
} from './password-change';

/** The id of a field's input: `currentPassword` → `current-password`. */
const inputIdOf = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Puts the cursor in the first field with a problem, where the person fixes it. */
function focusFirstProblem(fields: Record<string, string>) {
  const first = PASSWORD_FIELDS.find((field) => fields[field]);
  if (first) document.getElementById(inputIdOf(first))?.focus();
}

/**
 * The signed-in person's own password: checked here first (lengths, the two new ones alike),
 * then changed by Better Auth's change-password endpoint, which checks the current one (a wrong
 * one spends the sign-in failure budget) and may sign out every other session.
 */
export function ChangePasswordSection({ email }: { email: string }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ revokedOthers: boolean } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const change: PasswordChange = {
      currentPassword: textOf(form, 'currentPassword'),
      newPassword: textOf(form, 'newPassword'),
      confirmPassword: textOf(form, 'confirmPassword'),
      revokeOtherSessions: form.get('revokeOtherSessions') === 'on',
    };
    setDone(null);
    const problems = problemsBeforeSending(change);
    if (Object.keys(problems).length > 0) {
      setErrors({ fields: problems, general: null });
      focusFirstProblem(problems);
      return;
    }
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      const response = await fetch('/api/auth/change-password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          currentPassword: change.currentPassword,
          newPassword: change.newPassword,
          revokeOtherSessions: change.revokeOtherSessions,
        }),
      });
      if (!response.ok) {
        const refusal = await problemsOfRefusal(response);
        setErrors(refusal);
        focusFirstProblem(refusal.fields);
        return;
      }
      formElement.reset();
      setDone({ revokedOthers: change.revokeOtherSessions });
    } catch {
      setErrors({
        fields: {},
        general: 'The server did not answer. Check your connection and try again.',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section
      id="change-password"
      title="Change password"
      description="The password you sign in with, to every team you belong to. The next sign-in, here or on another device, needs the new one."
    >
      <form
        onSubmit={(event) => void submit(event)}
        className="flex max-w-md flex-col gap-4"
        noValidate
      >
        {/* For password managers: whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field id="current-password" label="Current password" error={errors.fields.currentPassword}>
          {(props) => (
            <input
              {...props}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="new-password"
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={errors.fields.newPassword}
        >
          {(props) => (
            <input
              {...props}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="confirm-password"
          label="Confirm new password"
          error={errors.fields.confirmPassword}
        >
          {(props) => (
            <input
              {...props}
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              className={inputClass}
            />
          )}
        </Field>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="revokeOtherSessions"
            defaultChecked
            className="mt-0.5 size-4 shrink-0 accent-zinc-900 dark:accent-zinc-100"
            aria-describedby="revoke-other-sessions-hint"
          />
          <span>
            Sign out my other sessions
            <span
              id="revoke-other-sessions-hint"
              className="block text-xs text-zinc-600 dark:text-zinc-400"
            >
              Other browsers and devices signed in as you must sign in again. This one stays signed
              in.
            </span>
          </span>
        </label>
        <div>
          <button type="submit" disabled={busy} className={buttonClass}>
            <KeyRound aria-hidden className="size-4" />
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
      <GeneralError message={errors.general} />
      {done ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
        >
          Your password is changed: sign in with the new one from now on.
          {done.revokedOthers ? ' Your other sessions are signed out.' : ''}
        </p>
      ) : null}
    </Section>
  );
}
