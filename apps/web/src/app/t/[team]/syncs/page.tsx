import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';

export const metadata: Metadata = { title: 'Syncs' };

/** The Syncs page; its list and filters are built on this route. */
export default function SyncsPage() {
  return <PageHeader title="Syncs" />;
}
