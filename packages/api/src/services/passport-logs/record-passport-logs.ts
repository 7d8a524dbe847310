import {
  passportLogToEnvelope,
  type PassportLogBatch,
  type PassportLogInput,
  type RecordResult,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { recordEvents } from '../events/record-events';

export function recordPassportLog({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PassportLogInput;
}): Promise<RecordResult> {
  return recordEvents(ctx, { item: input }, 'passport', passportLogToEnvelope);
}

export function recordPassportLogBatch({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PassportLogBatch;
}): Promise<RecordResult> {
  return recordEvents(ctx, input, 'passport', passportLogToEnvelope);
}
