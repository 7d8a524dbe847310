import type { TRPCRouterRecord } from '@trpc/server';

import {
  PlatformEventBatch,
  PlatformEventInput,
  PlatformEventListInput,
  PlatformEventScrollInput,
} from '@opsledger/domain';

import {
  listPlatformEvents,
  scrollPlatformEvents,
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
} satisfies TRPCRouterRecord;
