import { randomUUID } from 'node:crypto';

import { createCaller } from '@opsledger/api';
import { createTeam } from '@opsledger/api/testing';
import type { Database } from '@opsledger/db';
import type { Role } from '@opsledger/domain';

export type ApiCaller = Awaited<ReturnType<typeof createCaller>>;

export interface BenchTeam {
  id: string;
  slug: string;
  /** In-process caller with the owner key: measures the procedure, not HTTP. */
  owner: ApiCaller;
  /** A fresh key of this role, as an operator would hand one to a service. */
  keySecret(role: Role): Promise<string>;
}

/** A team of its own per benchmark, so no benchmark reads another's rows. */
export async function createBenchTeam(database: Database, purpose: string): Promise<BenchTeam> {
  const slug = `bench-${purpose}-${randomUUID().slice(0, 8)}`;
  const { team, ownerKey } = await createTeam(database, { slug, name: `Bench ${purpose}` });
  const owner = await createCaller(database, ownerKey.secret);
  return {
    id: team.id,
    slug,
    owner,
    keySecret: async (role) => (await owner.apiKeys.create({ role, name: `bench ${role}` })).secret,
  };
}
