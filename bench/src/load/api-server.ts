import type { ChildProcess } from 'node:child_process';
import { z } from 'zod';

import { firstJsonLine, residentBytes, spawnScript, stopChild } from './child-processes';

export interface ApiServer {
  url: string;
  /** The seeded teams' service keys (none without a seed). */
  keys: string[];
  /** The server process's resident memory now. */
  residentBytes(): number | null;
  stop(): Promise<void>;
}

/** What api-server-process.ts serves: PostgreSQL at `databaseUrl`, or a PGlite of its own. */
export const ApiServerSettings = z.object({
  databaseUrl: z.string().optional(),
  /** Where its PGlite lives when there is no databaseUrl. */
  dataDir: z.string(),
  /** Teams to create, each with this many audit events and a service key. */
  seed: z.object({ teams: z.number().int(), events: z.number().int() }).optional(),
});
export type ApiServerSettings = z.infer<typeof ApiServerSettings>;

/** Starts api-server-process.ts with these settings, once it answers. */
export async function startApiServer(options: ApiServerSettings): Promise<ApiServer> {
  const child: ChildProcess = spawnScript(
    './api-server-process.ts',
    options,
    // So the server can drop its seeding's garbage before it reports ready.
    ['--expose-gc'],
  );
  try {
    const ready = (await firstJsonLine(child)) as { url: string; keys: string[] };
    return {
      ...ready,
      residentBytes: () => residentBytes(child.pid),
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
