import type { Metadata } from 'next';
import { redirect } from 'next/navigation';

import { currentAccount } from '../../server/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

/** Only paths of this site are followed after signing in (never another origin). */
const localPath = (next: string | string[] | undefined) =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = localPath((await searchParams).next);
  if (await currentAccount()) redirect(next);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold tracking-tight">Sign in to OpsLedger</h1>
        <p className="mt-2 text-center text-sm text-zinc-600 dark:text-zinc-400">
          The first start wrote the owner&apos;s email and password to <code>credentials.json</code>{' '}
          in the data directory.
        </p>
        <SignInForm next={next} />
      </div>
    </main>
  );
}
