import type { Database } from '@opsledger/db';
import type { App } from '@opsledger/domain';

import type { createCaller } from '../../caller';
import type { DemoRandom } from './demo-random';
import type { DemoPerson } from './people';
import type { Timeline } from './timeline';

export type ApiCaller = Awaited<ReturnType<typeof createCaller>>;

/** What every stream's demo writer works from. */
export interface DemoContext {
  /** The demo team's owner, calling the API in-process as any client would. */
  api: ApiCaller;
  /** Only for backdating runs, which the API stamps with the time it receives them. */
  database: Database;
  teamId: string;
  random: DemoRandom;
  time: Timeline;
  people: DemoPerson[];
  apps: App[];
}

/** Idempotency keys of demo events: a repeated seed cannot duplicate a row. */
export const demoKey = (stream: string, index: number) => `demo:${stream}:${index}`;
