import type { Database } from '@opsledger/db';

import { createContext } from './context';
import { appRouter } from './root';
import { createCallerFactory } from './trpc';

const factory = createCallerFactory(appRouter);

/** An in-process caller acting with an API key, exactly as an HTTP request with it would. */
export async function createCaller(database: Database, apiKeySecret: string | null) {
  return factory(
    await createContext({
      database,
      authorization: apiKeySecret ? `Bearer ${apiKeySecret}` : null,
    }),
  );
}

/**
 * An in-process caller acting as a person signed in to the portal (their session cookie) in
 * the team named by `teamSlug`, exactly as the portal's requests and server prefetches do.
 */
export async function createPortalCaller(
  database: Database,
  cookie: string,
  teamSlug: string | null,
) {
  return factory(
    await createContext({
      database,
      authorization: null,
      headers: new Headers({ cookie }),
      teamSlug,
    }),
  );
}
