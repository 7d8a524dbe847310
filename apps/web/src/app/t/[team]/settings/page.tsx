import type { Metadata } from 'next';
import Link from 'next/link';

import { PageHeader } from '../../../../components/shell/page-header';
import { requireMember } from '../../../../server/session';
import { HydrateClient, prefetch, serverTrpc } from '../../../../trpc/server';
import { AccessKeysSection, ApiKeysSection } from './credential-sections';
import { AppsSection, HBlockUsersSection } from './hblock-user-and-app-sections';
import { MembersSection } from './members-section';

export const metadata: Metadata = { title: 'Settings' };

/**
 * The team's keys, credentials, apps and people: owners and admins only. The page refuses
 * anyone else, and so do the procedures it reads (manage permission).
 */
export default async function SettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  const account = await requireMember(team);
  const role = account.teams.find((membership) => membership.slug === team)?.role;
  if (role !== 'owner' && role !== 'admin') {
    return (
      <>
        <PageHeader title="Settings" />
        <p
          role="alert"
          className="rounded-md border border-zinc-200 p-4 text-sm dark:border-zinc-800"
        >
          Settings are for the team&apos;s owners and admins; you are a {role ?? 'visitor'} here.
          Ask an owner if you need a key or another role. Your own password is on{' '}
          <Link href={`/t/${encodeURIComponent(team)}/account`} className="underline">
            your account page
          </Link>
          .
        </p>
      </>
    );
  }
  const trpc = serverTrpc(team);
  prefetch(trpc.apiKeys.list.queryOptions());
  prefetch(trpc.accessKeys.list.queryOptions());
  prefetch(trpc.hblockUsers.list.queryOptions());
  prefetch(trpc.apps.list.queryOptions());
  prefetch(trpc.members.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader title="Settings">
        API keys, access keys, HBlock users, apps and members of the team.
      </PageHeader>
      <div className="space-y-6">
        <MembersSection me={account.email} myRole={role} />
        <ApiKeysSection />
        <AccessKeysSection />
        <HBlockUsersSection />
        <AppsSection />
      </div>
    </HydrateClient>
  );
}
