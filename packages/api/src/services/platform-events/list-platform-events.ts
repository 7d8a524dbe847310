import {
  platformEventFromEvent,
  type PlatformEventList,
  type PlatformEventListInput,
  type PlatformEventScrollInput,
  type PlatformEventScrollPage,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { keysetPageOfEvents, NEWEST_FIRST } from '../events/keyset-page';
import { scrollEvents } from '../events/scroll-events';

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
