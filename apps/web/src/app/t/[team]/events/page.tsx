import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';

export const metadata: Metadata = { title: 'Events' };

/** The Events page; its list and filters are built on this route. */
export default function EventsPage() {
  return <PageHeader title="Events" />;
}
