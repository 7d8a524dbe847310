'use client';

import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useState, type FormEvent } from 'react';

import { useTRPC } from '../../../../trpc/react';
import { ConfirmedActionButton } from './confirmed-action-button';
import {
  buttonClass,
  cellClass,
  Field,
  formErrorsOf,
  GeneralError,
  inputClass,
  NO_ERRORS,
  quietButtonClass,
  RoleSelect,
  Section,
  ShownOnce,
  Table,
  textOf,
  Time,
  type FormErrors,
} from './settings-ui';

type Role = 'owner' | 'admin' | 'member' | 'viewer' | 'service';

/** Fetched when a reset is first asked for: the page's first load does not carry the dialog. */
const ResetPasswordDialog = dynamic(() => import('./reset-password-dialog'));

/**
 * Whose password the signed-in person may reset from the list: not their own (the account page
 * changes it) and, for an admin, no owner's. The API refuses the rest with its reason.
 */
const mayOfferReset = (member: { email: string; role: Role }, me: string, myRole: Role) =>
  member.email !== me && (myRole === 'owner' || member.role !== 'owner');

/** The sign-in page with the address filled in: what to send the new member with the password. */
const inviteLinkOf = (email: string) =>
  `${window.location.origin}/sign-in?email=${encodeURIComponent(email)}`;

export function MembersSection({ me, myRole }: { me: string; myRole: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: members } = useSuspenseQuery(trpc.members.list.queryOptions());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [resetting, setResetting] = useState<{ email: string; opener: HTMLElement } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const add = useMutation(
    trpc.members.add.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (error) => setErrors(formErrorsOf(error, ['email', 'role'])),
    }),
  );
  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({ onSettled: () => void refresh() }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({ onSettled: () => void refresh() }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors(NO_ERRORS);
    add.mutate({ email: textOf(form, 'email'), role: textOf(form, 'role') as Role });
  }

  const added = add.data;
  return (
    <Section
      id="members"
      title="Members"
      description="People who sign in to this team's pages, each with a role. Someone new gets an initial password to send them with the invite link."
    >
      <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <Field id="member-email" label="Email" error={errors.fields.email}>
          {(props) => <input {...props} name="email" type="email" className={inputClass} />}
        </Field>
        <Field id="member-role" label="Role" error={errors.fields.role}>
          {(props) => <RoleSelect {...props} name="role" defaultValue="viewer" />}
        </Field>
        <button type="submit" disabled={add.isPending} className={buttonClass}>
          Add member
        </button>
      </form>
      <GeneralError message={errors.general} />
      {added ? (
        added.password ? (
          <>
            <ShownOnce label={`Initial password for ${added.email}`} value={added.password} />
            <ShownOnce label="Invite link" value={inviteLinkOf(added.email)} />
          </>
        ) : (
          <p role="status" className="mt-3 text-sm">
            {added.email} already signs in to OpsLedger: they see this team at their next visit.
          </p>
        )
      ) : null}
      <Table
        label="Members list"
        head={['Email', 'Role', 'Added', '']}
        empty={members.length === 0}
      >
        {members.map((member) => (
          <tr key={member.userId}>
            <td className={cellClass}>
              {member.email}
              {member.email === me ? <span className="text-zinc-500"> (you)</span> : null}
            </td>
            <td className={cellClass}>
              <RoleSelect
                id={`role-${member.userId}`}
                aria-label={`Role of ${member.email}`}
                value={member.role}
                onChange={(role) =>
                  changeRole.mutate({ userId: member.userId, role: role as Role })
                }
              />
            </td>
            <td className={cellClass}>
              <Time iso={member.createdAt} />
            </td>
            <td className={cellClass}>
              {mayOfferReset(member, me, myRole) ? (
                <button
                  type="button"
                  className={quietButtonClass}
                  aria-label={`Reset password of ${member.email}`}
                  aria-haspopup="dialog"
                  onClick={(event) =>
                    setResetting({ email: member.email, opener: event.currentTarget })
                  }
                >
                  Reset password
                </button>
              ) : null}
              <ConfirmedActionButton
                text="Remove"
                label={`Remove ${member.email}`}
                question={`Remove ${member.email} from this team?`}
                consequence="They can no longer open this team's pages; their other teams and their password stay as they are. Adding them again gives them a role afresh."
                busy={remove.isPending}
                onConfirm={() => remove.mutate({ userId: member.userId })}
              />
            </td>
          </tr>
        ))}
      </Table>
      <GeneralError message={changeRole.error?.message ?? remove.error?.message ?? null} />
      {resetting ? <ResetPasswordDialog {...resetting} onClose={() => setResetting(null)} /> : null}
    </Section>
  );
}
