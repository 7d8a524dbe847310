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
                // On two lines: a whole date on one would widen the table past the screen.
                <span className="flex flex-col text-zinc-500">
                  revoked
                  <span className="text-xs">
                    <Time iso={key.revokedAt} />
                  </span>
                </span>
              ) : (
                <ConfirmedActionButton
                  text="Revoke"
                  label={`Revoke API key ${key.name} (${key.prefix})`}
                  question={`Revoke the API key ${key.name}?`}
                  consequence="Every request that sends it is refused from now on, and a revoked key cannot be restored: a service that uses it needs a new one."
                  busy={revoke.isPending}
                  onConfirm={() => revoke.mutate({ id: key.id })}
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
                <ConfirmedActionButton
                  text="Revoke"
                  label={`Revoke access key ${key.name}`}
                  question={`Revoke the access key ${key.name}?`}
                  consequence="Every request signed with it is refused from now on, and a revoked key cannot be restored: a client that uses it needs a new one."
                  busy={revoke.isPending}
                  onConfirm={() => revoke.mutate({ id: key.id })}
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
