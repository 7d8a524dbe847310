'use client';

import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
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
  RoleSelect,
  Section,
  ShownOnce,
  Table,
  textOf,
  Time,
  type FormErrors,
} from './settings-ui';

export function HBlockUsersSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: users } = useSuspenseQuery(trpc.hblockUsers.list.queryOptions());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.hblockUsers.list.queryKey() });
  const create = useMutation(
    trpc.hblockUsers.create.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (error) => setErrors(formErrorsOf(error, ['name', 'role'])),
    }),
  );
  const revoke = useMutation(
    trpc.hblockUsers.revoke.mutationOptions({ onSettled: () => void refresh() }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors(NO_ERRORS);
    create.mutate({ name: textOf(form, 'name'), role: textOf(form, 'role') as 'viewer' });
  }

  return (
    <Section
      id="hblock-users"
      title="HBlock users"
      description="Users of the HBlock event API (Authorization: HBlock <user>:<signature>). The secret is shown once."
    >
      <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field id="hblock-user-name" label="User name" error={errors.fields.name}>
          {(props) => <input {...props} name="name" className={inputClass} />}
        </Field>
        <Field id="hblock-user-role" label="Role" error={errors.fields.role}>
          {(props) => <RoleSelect {...props} name="role" defaultValue="viewer" />}
        </Field>
        <button type="submit" disabled={create.isPending} className={buttonClass}>
          Create user
        </button>
      </form>
      <GeneralError message={errors.general} />
      {create.data ? <ShownOnce label="New HBlock user secret" value={create.data.secret} /> : null}
      <Table
        label="HBlock users list"
        head={['User', 'Role', 'Created', 'Last used', '']}
        empty={users.length === 0}
      >
        {users.map((user) => (
          <tr key={user.userName}>
            <td className={cellClass}>{user.userName}</td>
            <td className={cellClass}>{user.role}</td>
            <td className={cellClass}>
              <Time iso={user.createdAt} />
            </td>
            <td className={cellClass}>
              <Time iso={user.lastUsedAt} />
            </td>
            <td className={cellClass}>
              {user.revokedAt ? (
                <span className="text-zinc-500">revoked</span>
              ) : (
                <ConfirmedActionButton
                  text="Revoke"
                  label={`Revoke HBlock user ${user.userName}`}
                  question={`Revoke the HBlock user ${user.userName}?`}
                  consequence="Every request that signs in as this user is refused from now on, and a revoked user cannot be restored."
                  busy={revoke.isPending}
                  onConfirm={() => revoke.mutate({ name: user.userName })}
                />
              )}
            </td>
          </tr>
        ))}
      </Table>
      <GeneralError message={revoke.error?.message ?? null} />
    </Section>
  );
}

export function AppsSection() {
  const trpc = useTRPC();
  const { data: apps } = useSuspenseQuery(trpc.apps.list.queryOptions());
  return (
    <Section
      id="apps"
      title="Apps"
      description={
        <>
          The team&apos;s blocklets and websites, by DID. Registering one proves its wallet signs
          for it: <code>pnpm opsledger apps create</code> with the app&apos;s wallet.
        </>
      }
    >
      <Table
        label="Apps list"
        head={['Name', 'DID', 'Registered', 'Wallet proven']}
        empty={apps.length === 0}
      >
        {apps.map((app) => (
          <tr key={app.id}>
            <td className={cellClass}>{app.name}</td>
            <td className={`${cellClass} font-mono text-xs`}>{app.did}</td>
            <td className={cellClass}>
              <Time iso={app.createdAt} />
            </td>
            <td className={cellClass}>
              {app.provenAt ? 'yes' : 'no'}
              {app.releasedAt ? ' (released)' : ''}
            </td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
