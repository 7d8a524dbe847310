import type { Database } from '@opsledger/db';
import { bearerToken } from './auth/api-key-secret';
import { authenticateApiKey, type Caller } from './auth/authenticate';

export interface Context {
  database: Database;
  caller: Caller | null;
  /** Whether a credential was presented at all (a wrong one is 401, not 403). */
  presentedCredential: boolean;
}

export async function createContext(opts: {
  database: Database;
  authorization: string | null | undefined;
}): Promise<Context> {
  const secret = bearerToken(opts.authorization);
  const caller = secret ? await authenticateApiKey(opts.database, secret) : null;
  return { database: opts.database, caller, presentedCredential: secret !== null };
}

/** What every service receives: the database and the authenticated team. */
export interface ServiceContext {
  database: Database;
  caller: Caller;
}
