import { createLoader, parseAsString, type inferParserType } from 'nuqs/server';

import type { BackupListInput } from '@opsledger/domain';

import { resolveTimeRange, timeRangeParsers } from '../../../../components/time-range';

export const backupParams = { app: parseAsString, ...timeRangeParsers('30d') };
export const loadBackupParams = createLoader(backupParams);

/** The list's filter; the daily summary takes the same plus the viewer's time zone. */
export const backupInput = (
  state: inferParserType<typeof backupParams>,
): Omit<BackupListInput, 'cursor'> => ({
  ...(state.app && { appDid: state.app }),
  ...resolveTimeRange(state),
  limit: 50,
});
