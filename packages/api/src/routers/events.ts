import type { TRPCRouterRecord } from '@trpc/server';

import {
  PlatformEventBatch,
  PlatformEventInput,
  PlatformEventListInput,
  PlatformEventScrollInput,
  PlatformEventTailInput,
} from '@opsledger/domain';

import {
  listPlatformEvents,
  scrollPlatformEvents,
  tailPlatformEvents,
} from '../services/platform-events/list-platform-events';
import {
  recordPlatformEvent,
  recordPlatformEventBatch,
} from '../services/platform-events/record-platform-events';
import { readProcedure, writeProcedure } from '../trpc';

export const eventsRouter = {
  record: writeProcedure.input(PlatformEventInput).mutation(recordPlatformEvent),
  recordBatch: writeProcedure.input(PlatformEventBatch).mutation(recordPlatformEventBatch),
  list: readProcedure.input(PlatformEventListInput).query(listPlatformEvents),
  scroll: readProcedure.input(PlatformEventScrollInput).query(scrollPlatformEvents),
  /** New events of one type as they are recorded, over SSE; resumes after the last seq sent. */
  tail: readProcedure.input(PlatformEventTailInput).subscription(tailPlatformEvents),
} satisfies TRPCRouterRecord;
