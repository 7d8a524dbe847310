import {
  platformEventFromEvent,
  type PlatformEventList,
  type PlatformEventListInput,
  type PlatformEventScrollInput,
  type PlatformEventScrollPage,
  type PlatformEventTailInput,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { keysetPageOfEvents, NEWEST_FIRST } from '../events/keyset-page';
import { scrollEvents } from '../events/scroll-events';
import { tailEvents } from '../live-tail/tail-events';

/** HBlock's event query: the last `number` events of one type, newest first. */
export async function listPlatformEvents({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PlatformEventListInput;
}): Promise<PlatformEventList> {
  const page = await keysetPageOfEvents(ctx, {
    stream: input.type,
    where: [],
    order: NEWEST_FIRST,
    cursor: undefined,
    cursorField: 'cursor',
    limit: input.number,
  });
  return { events: page.events.map(platformEventFromEvent) };
}

export function scrollPlatformEvents({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PlatformEventScrollInput;
}): Promise<PlatformEventScrollPage> {
  return scrollEvents(ctx, input.type, [], input, platformEventFromEvent);
}

/** New events of one type as they are recorded (see tailEvents). */
export function tailPlatformEvents({
  ctx,
  input,
  signal,
}: {
  ctx: ServiceContext;
  input: PlatformEventTailInput;
  signal: AbortSignal | undefined;
}) {
  return tailEvents(ctx, {
    stream: input.type,
    where: [],
    request: input,
    signal,
    fromEvent: platformEventFromEvent,
  });
}
