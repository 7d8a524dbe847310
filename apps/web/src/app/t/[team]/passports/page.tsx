import type { Metadata } from 'next';

import { PageHeader } from '../../../../components/shell/page-header';

export const metadata: Metadata = { title: 'Passports' };

/** The Passports page; its list and filters are built on this route. */
export default function PassportsPage() {
  return <PageHeader title="Passports" />;
}
