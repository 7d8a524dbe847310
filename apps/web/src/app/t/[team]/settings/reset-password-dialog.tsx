'use client';

import { useMutation } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { Dialog } from 'radix-ui';

import { useTRPC } from '../../../../trpc/react';
import {
  contentClass,
  dangerButtonClass,
  dialogButtonsClass,
  overlayClass,
  secondaryButtonClass,
} from './dialog-classes';
import { buttonClass, GeneralError, ShownOnce } from './settings-ui';

/** The member's address, set apart from the sentence around it (broken only when it cannot fit a line). */
const Address = ({ email }: { email: string }) => (
  <strong className="font-medium break-words text-zinc-900 dark:text-zinc-100">{email}</strong>
);

/**
 * Resets a member's forgotten password in two steps: a confirmation that says their sessions
 * end, then the new password, shown this once with a copy button. Radix traps focus and closes
 * on Escape. Loaded when first opened (next/dynamic), so the settings page's first load does not
 * carry it.
 */
export default function ResetPasswordDialog({
  email,
  opener,
  onClose,
}: {
  email: string;
  /** The row's button: focus goes back to it on close (Radix returns it only to a Trigger). */
  opener: HTMLElement | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const reset = useMutation(trpc.members.resetPassword.mutationOptions());
  const done = reset.data;
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            opener?.focus();
          }}
          className={contentClass}
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-lg font-semibold">
              {done ? 'Password reset' : 'Reset this member\u2019s password?'}
            </Dialog.Title>
            <Dialog.Close
              className="rounded p-1 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
              aria-label="Close"
            >
              <X size={20} aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            {done ? (
              <>
                Send <Address email={done.email} /> their new password: it is shown this once. They
                were signed out everywhere and sign in with it.
              </>
            ) : (
              <>
                <Address email={email} /> gets a new password, shown here once, and every session
                they have open ends: whoever is signed in as them is signed out.
              </>
            )}
          </Dialog.Description>
          {done ? (
            <>
              <ShownOnce label="New password" value={done.password} />
              <div className="mt-5 flex justify-end">
                <Dialog.Close className={buttonClass}>Done</Dialog.Close>
              </div>
            </>
          ) : (
            <>
              {/* The dialog is about this one address: the message needs no "email:" before it. */}
              <GeneralError message={reset.error?.message.replace(/^email: /, '') ?? null} />
              <div className={dialogButtonsClass}>
                <Dialog.Close className={secondaryButtonClass}>Cancel</Dialog.Close>
                <button
                  type="button"
                  className={dangerButtonClass}
                  disabled={reset.isPending}
                  onClick={() => reset.mutate({ email })}
                >
                  Reset password
                </button>
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
