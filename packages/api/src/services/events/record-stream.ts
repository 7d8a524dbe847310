import type { EnvelopeFields, RecordResult, Stream } from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { recordEvents, type Recordable } from './record-events';

/**
 * The `record` and `recordBatch` services of an event-store stream: its items go through the
 * one write path, mapped to envelopes by the stream's own mapping.
 */
export function streamRecorders<T extends Recordable>(
  stream: Stream | ((input: T) => Stream),
  toEnvelope: (input: T) => EnvelopeFields,
) {
  return {
    record: ({ ctx, input }: { ctx: ServiceContext; input: T }): Promise<RecordResult> =>
      recordEvents(ctx, { item: input }, stream, toEnvelope),
    recordBatch: ({
      ctx,
      input,
    }: {
      ctx: ServiceContext;
      input: { items: readonly T[] };
    }): Promise<RecordResult> => recordEvents(ctx, input, stream, toEnvelope),
  };
}
