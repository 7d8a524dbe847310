import {
  platformEventToEnvelope,
  type PlatformEventBatch,
  type PlatformEventInput,
  type RecordResult,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { recordEvents } from '../events/record-events';

/** Each event goes to the stream of its own type, so one batch may mix user and system. */
const streamOf = (input: PlatformEventInput) => input.type;

export function recordPlatformEvent({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PlatformEventInput;
}): Promise<RecordResult> {
  return recordEvents(ctx, { item: input }, streamOf, platformEventToEnvelope);
}

export function recordPlatformEventBatch({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PlatformEventBatch;
}): Promise<RecordResult> {
  return recordEvents(ctx, input, streamOf, platformEventToEnvelope);
}
