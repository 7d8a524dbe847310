import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';
import { requireAccount } from '../../../../server/session';

export const metadata: Metadata = { title: 'Settings' };

/** The team's keys, credentials, apps and people: owners and admins only. */
export default async function SettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  const account = await requireAccount();
  const role = account.teams.find((membership) => membership.slug === team)?.role;
  if (role !== 'owner' && role !== 'admin') {
    return (
      <>
        <PageHeader title="Settings" />
        <p role="alert" className="text-sm">
          Settings are for the team&apos;s owners and admins; you are a {role ?? 'visitor'} here.
        </p>
      </>
    );
  }
  return (
    <PageHeader title="Settings">API keys, access keys, HBlock users, apps and members.</PageHeader>
  );
}
