import { ActivityListInput, MAX_PAGE_SIZE, type ActivitySort } from '@opsledger/domain';

import { invalidField } from '../../errors';

/** `auditLogs`' arguments as graphql-js hands them over (absent and `null` both mean "not set"). */
export interface AuditLogsArguments {
  filter?: Record<string, string | null | undefined> | null;
  sort?: ActivitySort | null;
  first?: number | null;
  after?: string | null;
}

/** The seed's flags are Strings; only the two spellings of a boolean are a filter. */
function flag(field: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidField(field, 'must be "true" or "false"');
}

/**
 * The GraphQL arguments as the native `activities.list` input, parsed by the same domain schema
 * the native procedure uses, so every bound (page size, timestamps, resource types, cursor
 * length) is the native one and a bad value is an error naming its field (`filter.keypoint`,
 * `filter.createdAtAfter`, `first`).
 */
export function activityListInputOf(args: AuditLogsArguments): ActivityListInput {
  const filter: Record<string, string | boolean> = {};
  for (const [field, value] of Object.entries(args.filter ?? {})) {
    if (value === null || value === undefined) continue;
    filter[field] =
      field === 'keypoint' || field === 'endpoint' ? flag(`filter.${field}`, value) : value;
  }
  const { first } = args;
  if (typeof first === 'number' && (first < 1 || first > MAX_PAGE_SIZE)) {
    throw invalidField('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return ActivityListInput.parse({
    filter,
    sort: args.sort ?? undefined,
    first: args.first ?? undefined,
    after: args.after ?? undefined,
  });
}
