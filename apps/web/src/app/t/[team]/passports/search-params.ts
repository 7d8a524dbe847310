import { createLoader, parseAsString, type inferParserType } from 'nuqs/server';

import type { PassportLogScrollInput } from '@opsledger/domain';

export const passportParams = { passport: parseAsString };
export const loadPassportParams = createLoader(passportParams);

export const passportInput = (
  state: inferParserType<typeof passportParams>,
): Omit<PassportLogScrollInput, 'cursor'> => ({
  ...(state.passport && { passportId: state.passport }),
  limit: 50,
});
