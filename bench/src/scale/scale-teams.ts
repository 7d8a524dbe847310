import { createCaller } from '@opsledger/api';
import { createTeam, provenApp } from '@opsledger/api/testing';
import type { Database } from '@opsledger/db';

import type { ApiCaller } from '../setup/bench-team';
import { TEAM_COUNT } from './scale-timeline';

/** A team whose figures the scale bench prints. */
export interface MeasuredTeam {
  id: string;
  label: string;
  /** Owner key: reads in-process, writes over HTTP. */
  key: string;
  owner: ApiCaller;
  /** The DIDs of its apps; backups are made for each, the summary reads the first. */
  appDids: string[];
  appIds: string[];
}

export interface ScaleTeams {
  /** Every team's id, the big one first: the order of teamShares. */
  ids: string[];
  big: MeasuredTeam;
  small: MeasuredTeam;
  /** A team of the rest, for warming the API server up. */
  spareKey: string;
}

/** A busy team runs several apps; a small one, one. */
const BIG_TEAM_APPS = 10;

async function measuredTeam(
  database: Database,
  label: string,
  team: { id: string },
  key: string,
  apps: number,
): Promise<MeasuredTeam> {
  const owner = await createCaller(database, key);
  const created = [];
  for (let i = 0; i < apps; i++) {
    created.push(await owner.apps.create(await provenApp(team.id, { name: `Scale app ${i}` })));
  }
  return {
    id: team.id,
    label,
    key,
    owner,
    appDids: created.map((app) => app.did),
    appIds: created.map((app) => app.id),
  };
}

/** The 1,000 teams, each with its owner key; the first two measured, with their apps. */
export async function createScaleTeams(database: Database): Promise<ScaleTeams> {
  const teams = [];
  for (let i = 0; i < TEAM_COUNT; i++) {
    teams.push(await createTeam(database, { slug: `scale-${i}`, name: `Scale team ${i}` }));
  }
  const [big, small, spare] = teams;
  if (!big || !small || !spare) throw new Error('the scale bench needs three teams at least');
  return {
    ids: teams.map(({ team }) => team.id),
    big: await measuredTeam(database, 'big team', big.team, big.ownerKey.secret, BIG_TEAM_APPS),
    small: await measuredTeam(database, 'small team', small.team, small.ownerKey.secret, 1),
    spareKey: spare.ownerKey.secret,
  };
}
