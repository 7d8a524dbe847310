import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';

export const metadata: Metadata = { title: 'Activity' };

/** The Activity page; its list and filters are built on this route. */
export default function ActivityPage() {
  return <PageHeader title="Activity" />;
}
