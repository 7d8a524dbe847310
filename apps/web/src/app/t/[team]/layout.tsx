import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';

import { AppShell } from '../../../components/shell/app-shell';
import { requireMember } from '../../../server/session';
import { TRPCReactProvider } from '../../../trpc/react';

/**
 * Every page of a team: only its members see it (anyone else gets the same 404 as a team that
 * does not exist), inside the shell, with tRPC requests that name this team.
 */
export default async function TeamLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ team: string }>;
}) {
  const { team } = await params;
  const account = await requireMember(team);
  return (
    <AppShell team={team} teams={account.teams} email={account.email}>
      {/* Keyed: another team's pages start from that team's own cache. */}
      <TRPCReactProvider key={team} team={team}>
        {/* The stream pages keep their filters in the URL (nuqs). */}
        <NuqsAdapter>{children}</NuqsAdapter>
      </TRPCReactProvider>
    </AppShell>
  );
}
