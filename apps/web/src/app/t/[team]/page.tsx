import type { Metadata } from 'next';

import { PageHeader } from '../../../components/shell/page-header';
import { HydrateClient, prefetch, serverTrpc } from '../../../trpc/server';
import { TeamName } from './team-name';

export const metadata: Metadata = { title: 'Overview' };

/** The team at a glance. */
export default async function OverviewPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  // Started on the server, read in the client component: the first paint has it.
  prefetch(serverTrpc(team).teams.current.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Overview">
        <TeamName />
      </PageHeader>
    </HydrateClient>
  );
}
