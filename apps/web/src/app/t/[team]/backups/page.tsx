import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';

export const metadata: Metadata = { title: 'Backups' };

/** The Backups page; its list and filters are built on this route. */
export default function BackupsPage() {
  return <PageHeader title="Backups" />;
}
