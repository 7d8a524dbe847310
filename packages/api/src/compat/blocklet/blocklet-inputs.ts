import { z } from 'zod';

import { Day, Did, Label, MAX_PAGE_SIZE, StorableString, Timestamp } from '@opsledger/domain';

/**
 * The Blocklet inputs, checked under the names the client knows them by, so an error names
 * the field the caller wrote. Blocklet Server's schema comes from protobuf, where an unset
 * field reads as its zero value: an empty string, a zero page or page size means "not given".
 */

/** Drops blank strings and nulls (and zero paging numbers) from one level of an input. */
function withoutUnset(value: unknown, isUnset: (member: unknown) => boolean): unknown {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, member]) => !isUnset(member)));
}

const isBlank = (member: unknown) =>
  member === null || (typeof member === 'string' && member.trim() === '');

/** `input` of a query: an object whose blank members count as absent. */
const inputObject = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess((value) => withoutUnset(value, isBlank), z.object(shape));

/**
 * Numbered pages from 1. `total` and `pageCount` describe a previous answer (clients send the
 * `paging` they got back), so they are accepted and play no part.
 */
const paging = z.preprocess(
  (value) => withoutUnset(value, (member) => member === null || member === 0),
  z.object({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  }),
);

const startBeforeEnd =
  (start: string, end: string) => (input: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const [from, to] = [input[start], input[end]];
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      ctx.addIssue({ code: 'custom', message: `must not be before ${start}`, path: [end] });
    }
  };

/** `getBlockletBackups` and `getBlockletBackupSummary`: an app and a window of time. */
export const BackupsInput = inputObject({
  did: Did.optional(),
  startTime: Timestamp.optional(),
  endTime: Timestamp.optional(),
}).superRefine(startBeforeEnd('startTime', 'endTime'));
export type BackupsInput = z.infer<typeof BackupsInput>;

export const AuditLogsInput = inputObject({
  paging,
  scope: Label.optional(),
  category: Label.optional(),
  actionOrContent: StorableString.trim().max(200).optional(),
});
export type AuditLogsInput = z.infer<typeof AuditLogsInput>;

export const PassportLogsInput = inputObject({
  teamDid: Did.optional(),
  query: z
    .preprocess((value) => withoutUnset(value, isBlank), z.object({ passportId: Label.optional() }))
    .optional(),
  paging,
});
export type PassportLogsInput = z.infer<typeof PassportLogsInput>;

export const TrafficInsightsInput = inputObject({
  did: Did.optional(),
  startDate: Day.optional(),
  endDate: Day.optional(),
  paging,
}).superRefine(startBeforeEnd('startDate', 'endDate'));
export type TrafficInsightsInput = z.infer<typeof TrafficInsightsInput>;
