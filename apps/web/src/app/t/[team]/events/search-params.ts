import { createLoader, parseAsNumberLiteral, parseAsStringLiteral, type inferParserType } from 'nuqs/server';

import { EVENT_TYPES, type PlatformEventScrollInput } from '@opsledger/domain';

export const LAST_N = [25, 50, 100] as const;

export const eventParams = {
  type: parseAsStringLiteral(EVENT_TYPES).withDefault('user'),
  /** How many of the newest to show; "Load more" goes further back. */
  n: parseAsNumberLiteral(LAST_N).withDefault(50),
};
export const loadEventParams = createLoader(eventParams);

export const eventInput = (
  state: inferParserType<typeof eventParams>,
): Omit<PlatformEventScrollInput, 'cursor'> => ({ type: state.type, limit: state.n });
