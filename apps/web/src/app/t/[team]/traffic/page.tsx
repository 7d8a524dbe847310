import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';

export const metadata: Metadata = { title: 'Traffic' };

/** The Traffic page; its list and filters are built on this route. */
export default function TrafficPage() {
  return <PageHeader title="Traffic" />;
}
