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
