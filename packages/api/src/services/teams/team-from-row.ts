import type { InferSelectModel, teams } from '@opsledger/db';
import type { Team } from '@opsledger/domain';

export const teamFromRow = (row: InferSelectModel<typeof teams>): Team => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  createdAt: new Date(row.createdAt).toISOString(),
});
