import { TRPCError } from '@trpc/server';

import type { Database } from '@opsledger/db';

import { bearerToken } from './auth/api-key-secret';
import { authenticateApiKey, type Caller } from './auth/authenticate';
import { TooManyRequestsError } from './errors';

export interface Context {
  database: Database;
  caller: Caller | null;
  /** Whether a credential was presented at all (a wrong one is 401, not 403). */
  presentedCredential: boolean;
}

/** The key's caller; a key or address that failed too often is refused as tRPC's 429. */
async function callerOf(database: Database, secret: string, clientAddress: string | null) {
  try {
    return await authenticateApiKey(database, secret, clientAddress);
  } catch (error) {
    if (!(error instanceof TooManyRequestsError)) throw error;
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error });
  }
}

export async function createContext(opts: {
  database: Database;
  authorization: string | null | undefined;
  /** The client's address over HTTP; null for an in-process caller. */
  clientAddress?: string | null;
}): Promise<Context> {
  const secret = bearerToken(opts.authorization);
  const caller = secret ? await callerOf(opts.database, secret, opts.clientAddress ?? null) : null;
  return { database: opts.database, caller, presentedCredential: secret !== null };
}

/** What every service receives: the database and the authenticated team. */
export interface ServiceContext {
  database: Database;
  caller: Caller;
}
