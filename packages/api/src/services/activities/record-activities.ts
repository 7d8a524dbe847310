import {
  activityToEnvelope,
  type ActivityBatch,
  type ActivityInput,
  type RecordResult,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { recordEvents } from '../events/record-events';

export function recordActivity({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ActivityInput;
}): Promise<RecordResult> {
  return recordEvents(ctx, { item: input }, 'activity', activityToEnvelope);
}

export function recordActivityBatch({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ActivityBatch;
}): Promise<RecordResult> {
  return recordEvents(ctx, input, 'activity', activityToEnvelope);
}
