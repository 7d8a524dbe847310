import { randomUUID } from 'node:crypto';

import { createOpsLedgerClient, type OpsLedgerClient } from '@opsledger/client';
import { readCredentials, storeTeamKey } from '@opsledger/client/credentials';
import type { Role } from '@opsledger/domain';

export interface ChaosTeam {
  id: string;
  slug: string;
  ownerKey: string;
  owner: OpsLedgerClient;
  /** A fresh API key of this role, as an operator would hand one to a writer or a reader. */
  keyOf(role: Role): Promise<string>;
}

/** No set-up call may hold a case up for longer than this. */
const SETUP_TIMEOUT_MS = 30_000;

const fetchWithTimeout: typeof fetch = (input, init) => {
  const timeout = AbortSignal.timeout(SETUP_TIMEOUT_MS);
  const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  return fetch(input, { ...init, signal });
};

/** A typed client that reports failures as they are: the harness counts, it does not retry. */
const clientOf = (url: string, key: string) =>
  createOpsLedgerClient({ url, key, retry: false, fetch: fetchWithTimeout });

/**
 * Teams for the cases, founded over the API by the demo team's owner (the key the first start
 * wrote to credentials.json), each recorded in credentials.json so `opsledger --team` finds it.
 */
export class Teams {
  private constructor(
    private readonly url: string,
    private readonly dataDir: string,
    readonly demo: ChaosTeam,
  ) {}

  static async open(url: string, dataDir: string): Promise<Teams> {
    const credentials = await readCredentials(dataDir);
    if (!credentials) throw new Error(`no credentials.json in ${dataDir}`);
    const owner = clientOf(url, credentials.key);
    const current = await owner.teams.current.query();
    const demo = Teams.team(url, current.id, current.slug, credentials.key, owner);
    return new Teams(url, dataDir, demo);
  }

  private static team(
    url: string,
    id: string,
    slug: string,
    ownerKey: string,
    owner: OpsLedgerClient,
  ): ChaosTeam {
    return {
      id,
      slug,
      ownerKey,
      owner,
      keyOf: async (role) =>
        (await owner.apiKeys.create.mutate({ role, name: `chaos ${role}` })).secret,
    };
  }

  async create(purpose: string): Promise<ChaosTeam> {
    const slug = `chaos-${purpose}-${randomUUID().slice(0, 8)}`;
    const created = await this.demo.owner.teams.create.mutate({ slug, name: `Chaos ${purpose}` });
    const key = created.ownerKey.secret;
    await storeTeamKey(this.dataDir, { url: this.url, team: slug, key });
    return Teams.team(this.url, created.team.id, slug, key, clientOf(this.url, key));
  }
}
