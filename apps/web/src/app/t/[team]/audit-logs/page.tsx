import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';

export const metadata: Metadata = { title: 'Audit logs' };

/** The Audit logs page; its list and filters are built on this route. */
export default function AuditlogsPage() {
  return <PageHeader title="Audit logs" />;
}
