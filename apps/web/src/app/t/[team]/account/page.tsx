import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';
import { requireMember } from '../../../../server/session';
import { ChangePasswordSection } from './change-password-section';

export const metadata: Metadata = { title: 'Account' };

/**
 * The signed-in person's own account, whatever their role in the team: it concerns them, not
 * the team, so it is not part of Settings (owners and admins only).
 */
export default async function AccountPage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await params;
  const account = await requireMember(team);
  return (
    <>
      <PageHeader title="Account">Signed in as {account.email}.</PageHeader>
      {/* One narrow form: a card as wide as the page would leave its right half empty. */}
      <div className="max-w-2xl">
        <ChangePasswordSection email={account.email} />
      </div>
    </>
  );
}
