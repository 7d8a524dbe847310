import { platformEventToEnvelope, type PlatformEventInput } from '@opsledger/domain';

import { streamRecorders } from '../events/record-stream';

/** Each event goes to the stream of its own type, so one batch may mix user and system. */
const streamOf = (input: PlatformEventInput) => input.type;

export const { record: recordPlatformEvent, recordBatch: recordPlatformEventBatch } =
  streamRecorders(streamOf, platformEventToEnvelope);
