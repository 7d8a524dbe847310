import type { InferSelectModel, teams } from '@opsledger/db';
import type { Team } from '@opsledger/domain';

import { isoInstant } from '../sql-instant';

export const teamFromRow = (row: InferSelectModel<typeof teams>): Team => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  createdAt: isoInstant(row.createdAt),
});
