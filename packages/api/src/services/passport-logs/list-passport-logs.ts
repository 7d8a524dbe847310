import { eq, events, type SQL } from '@opsledger/db';
import {
  passportLogFromEvent,
  type PassportLogFilter,
  type PassportLogListInput,
  type PassportLogPage,
  type PassportLogScrollInput,
  type PassportLogScrollPage,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { offsetPageOfEvents } from '../events/offset-page';
import { scrollEvents } from '../events/scroll-events';

const passportLogConditions = (filter: PassportLogFilter): (SQL | undefined)[] => [
  filter.passportId === undefined ? undefined : eq(events.targetId, filter.passportId),
];

/** Numbered pages, newest first, as Blocklet Server's getPassportLogs pages. */
export async function listPassportLogs({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PassportLogListInput;
}): Promise<PassportLogPage> {
  const page = await offsetPageOfEvents(ctx, 'passport', passportLogConditions(input), input);
  return { passportLogs: page.events.map(passportLogFromEvent), paging: page.paging };
}

export function scrollPassportLogs({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PassportLogScrollInput;
}): Promise<PassportLogScrollPage> {
  return scrollEvents(ctx, 'passport', passportLogConditions(input), input, passportLogFromEvent);
}
