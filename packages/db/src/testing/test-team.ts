import { randomUUID } from 'node:crypto';

import type { Database } from '../database';
import { teams } from '../schema';

/** A team of its own for a test (tests isolate by team), created at `createdAt`; gives its id. */
export async function insertTestTeam(
  database: Database,
  createdAt = new Date().toISOString(),
): Promise<string> {
  const id = randomUUID();
  await database.db.insert(teams).values({ id, slug: `t-${id.slice(0, 8)}`, name: 'T', createdAt });
  return id;
}
