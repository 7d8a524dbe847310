'use client';

import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { useTRPC } from '../../../../trpc/react';
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

/** Revoked credentials stay listed (the team sees when); the button is for live ones. */
function RevokeButton({
  label,
  onRevoke,
  busy,
}: {
  label: string;
  onRevoke: () => void;
  busy: boolean;
}) {
  return (
    <button
      type="button"
      onClick={onRevoke}
      disabled={busy}
      className={quietButtonClass}
      aria-label={label}
    >
      Revoke
    </button>
  );
}

export function ApiKeysSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.apiKeys.list.queryOptions());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (error) => setErrors(formErrorsOf(error, ['name', 'role'])),
    }),
  );
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({ onSettled: () => void refresh() }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors(NO_ERRORS);
    create.mutate({ name: textOf(form, 'name'), role: textOf(form, 'role') as 'viewer' });
  }

  return (
    <Section
      id="api-keys"
      title="API keys"
      description="Keys for programs and the CLI (Authorization: Bearer). The secret is shown once."
    >
      <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field id="api-key-name" label="Name" error={errors.fields.name}>
          {(props) => (
            <input {...props} name="name" defaultValue="api key" className={inputClass} />
          )}
        </Field>
        <Field id="api-key-role" label="Role" error={errors.fields.role}>
          {(props) => <RoleSelect {...props} name="role" defaultValue="viewer" />}
        </Field>
        <button type="submit" disabled={create.isPending} className={buttonClass}>
          Create key
        </button>
      </form>
      <GeneralError message={errors.general} />
      {create.data ? <ShownOnce label="New API key secret" value={create.data.secret} /> : null}
      <Table
        label="API keys list"
        head={['Name', 'Role', 'Prefix', 'Created', 'Last used', '']}
        empty={keys.length === 0}
      >
        {keys.map((key) => (
          <tr key={key.id}>
            <td className={cellClass}>{key.name}</td>
            <td className={cellClass}>{key.role}</td>
            <td className={`${cellClass} font-mono text-xs`}>{key.prefix}…</td>
            <td className={cellClass}>
              <Time iso={key.createdAt} />
            </td>
            <td className={cellClass}>
              <Time iso={key.lastUsedAt} />
            </td>
            <td className={cellClass}>
              {key.revokedAt ? (
                <span className="text-zinc-500">
                  revoked <Time iso={key.revokedAt} />
                </span>
              ) : (
                <RevokeButton
                  label={`Revoke API key ${key.name} (${key.prefix})`}
                  busy={revoke.isPending}
                  onRevoke={() => revoke.mutate({ id: key.id })}
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

const ACCESS_KEY_ALGS = ['wallet', 'sha256', 'totp'] as const;

export function AccessKeysSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.accessKeys.list.queryOptions());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.accessKeys.list.queryKey() });
  const create = useMutation(
    trpc.accessKeys.create.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (error) => setErrors(formErrorsOf(error, ['name', 'role', 'alg'])),
    }),
  );
  const revoke = useMutation(
    trpc.accessKeys.revoke.mutationOptions({ onSettled: () => void refresh() }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors(NO_ERRORS);
    create.mutate({
      name: textOf(form, 'name'),
      role: textOf(form, 'role') as 'viewer',
      alg: textOf(form, 'alg') as 'wallet',
    });
  }

  return (
    <Section
      id="access-keys"
      title="Access keys"
      description="Blocklet Server access keys (client.setAuthAccessKey). The secret is shown once."
    >
      <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field id="access-key-name" label="Name" error={errors.fields.name}>
          {(props) => (
            <input {...props} name="name" defaultValue="access key" className={inputClass} />
          )}
        </Field>
        <Field id="access-key-alg" label="Kind" error={errors.fields.alg}>
          {(props) => (
            <select {...props} name="alg" defaultValue="wallet" className={inputClass}>
              {ACCESS_KEY_ALGS.map((alg) => (
                <option key={alg} value={alg}>
                  {alg}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="access-key-role" label="Role" error={errors.fields.role}>
          {(props) => <RoleSelect {...props} name="role" defaultValue="viewer" />}
        </Field>
        <button type="submit" disabled={create.isPending} className={buttonClass}>
          Create access key
        </button>
      </form>
      <GeneralError message={errors.general} />
      {create.data ? (
        <>
          <ShownOnce label="Access key id" value={create.data.accessKeyId} />
          <ShownOnce label="Access key secret" value={create.data.accessKeySecret} />
        </>
      ) : null}
      <Table
        label="Access keys list"
        head={['Name', 'Id', 'Kind', 'Role', 'Last used', '']}
        empty={keys.length === 0}
      >
        {keys.map((key) => (
          <tr key={key.id}>
            <td className={cellClass}>{key.name}</td>
            <td className={`${cellClass} max-w-48 truncate font-mono text-xs`} title={key.id}>
              {key.id}
            </td>
            <td className={cellClass}>{key.alg}</td>
            <td className={cellClass}>{key.role}</td>
            <td className={cellClass}>
              <Time iso={key.lastUsedAt} />
            </td>
            <td className={cellClass}>
              {key.revokedAt ? (
                <span className="text-zinc-500">revoked</span>
              ) : (
                <RevokeButton
                  label={`Revoke access key ${key.name}`}
                  busy={revoke.isPending}
                  onRevoke={() => revoke.mutate({ id: key.id })}
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
                <RevokeButton
                  label={`Revoke HBlock user ${user.userName}`}
                  busy={revoke.isPending}
                  onRevoke={() => revoke.mutate({ name: user.userName })}
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
