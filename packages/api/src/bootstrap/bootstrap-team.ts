import type { Database } from '@opsledger/db';
import type { Team } from '@opsledger/domain';

import { seedDemoData, type DemoDataReport } from './demo-data/seed-demo-data';
import { describeDemoData } from './describe-demo-data';
import { ensurePortalOwner } from './portal-owner';
import { ensureTeamCredentials, type CredentialsStore } from './team-credentials';

export interface BootstrapOptions {
  team: { slug: string; name: string };
  credentials: CredentialsStore;
  log: (line: string) => void;
}

export interface BootstrapReport {
  team: Team;
  /** What the first start wrote; null on later starts. */
  demoData: DemoDataReport | null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Makes sure the team and an owner key for it exist; when this call founds the team, fills it
 * with demo data. Demo data that fails is logged, never thrown: by then the team and its
 * credentials exist and the server is useful without it.
 */
export async function bootstrapTeam(
  database: Database,
  options: BootstrapOptions,
): Promise<BootstrapReport> {
  const { team, ownerKey, created } = await ensureTeamCredentials(
    database,
    options.team,
    options.credentials,
  );
  await ensurePortalOwner(database, team, options.credentials);
  if (!created) return { team, demoData: null };

  options.log(`first start: writing demo data for team ${team.slug}...`);
  const demoData = await seedDemoData({ database, teamId: team.id, ownerKey }).catch(
    (error: unknown): DemoDataReport => ({
      written: {},
      failures: [{ stream: 'apps', message: messageOf(error) }],
    }),
  );
  for (const line of describeDemoData(team.slug, demoData)) options.log(line);
  return { team, demoData };
}
