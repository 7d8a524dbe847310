import Link from 'next/link';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';

import { TRPCReactProvider } from '../../../trpc/react';

// STAND-IN shell until portal-auth's /t/[team] layout (sign-in, team switcher, settings)
// merges: the providers the stream pages need and the main navigation.
const NAV = [
  ['', 'Overview'],
  ['audit-logs', 'Audit logs'],
  ['activity', 'Activity'],
  ['passports', 'Passports'],
  ['backups', 'Backups'],
  ['syncs', 'Syncs'],
  ['events', 'Events'],
  ['traffic', 'Traffic'],
] as const;

export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ team: string }>;
}) {
  const { team } = await params;
  return (
    <TRPCReactProvider>
      <NuqsAdapter>
        <div className="min-h-screen md:flex">
          <nav
            aria-label="Main"
            className="border-b border-zinc-200 bg-white px-3 py-2 md:w-52 md:border-r md:border-b-0 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <p className="mb-2 px-2 font-semibold">OpsLedger · {team}</p>
            <ul className="flex flex-wrap gap-1 md:flex-col">
              {NAV.map(([path, label]) => (
                <li key={label}>
                  <Link
                    href={`/t/${team}${path ? `/${path}` : ''}`}
                    className="block rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
                  >
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <main className="min-w-0 flex-1 p-4 md:p-6">{children}</main>
        </div>
      </NuqsAdapter>
    </TRPCReactProvider>
  );
}
