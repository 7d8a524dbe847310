import type { ChaosEnv } from './env';
import type { ChaosServer } from './server/chaos-server';
import type { Teams } from './setup/teams';

/** What every case gets: the server under test, a way to found teams, the settings. */
export interface ChaosContext {
  env: ChaosEnv;
  server: ChaosServer;
  teams: Teams;
}
