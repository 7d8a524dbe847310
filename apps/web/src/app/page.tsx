import { redirect } from 'next/navigation';

import { teamPath } from '../components/shell/nav-items';
import { PageHeader } from '../components/shell/page-header';
import { SignOutButton } from '../components/shell/sign-out-button';
import { requireAccount } from '../server/session';

/** A signed-in person starts in their first team; a visitor is sent to sign in. */
export default async function HomePage() {
  const account = await requireAccount();
  const [first] = account.teams;
  if (first) redirect(teamPath(first.slug, ''));
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <PageHeader title="No team yet">
        {account.email} belongs to no team. An owner or admin of a team can add you (Settings →
        Members, or <code>pnpm opsledger members add</code>).
      </PageHeader>
      <SignOutButton />
    </main>
  );
}
