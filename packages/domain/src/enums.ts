/**
 * The fixed value lists of the domain, without zod: a browser bundle (the portal's filters)
 * imports them from `@opsledger/domain/enums` and so does not carry the schemas. The modules
 * that define the schemas re-export them, so `@opsledger/domain` still offers every one.
 */

/** Largest page any list returns. */
export const MAX_PAGE_SIZE = 100;

/**
 * The lengths of a portal password that Better Auth accepts (the generated initial ones are far
 * longer); the portal's change-password form checks them before it sends anything.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export const ACTIVITY_RESOURCE_TYPES = [
  'EVENT',
  'WEBSITE',
  'FEED_CONFIG',
  'PAGES_DESIGN',
  'PAGES_CONFIG',
  'RECOM_DESIGN',
  'RECOM_CONFIG',
  'SEARCH_CONFIG',
  'TRIGGER_DESIGN',
  'TRIGGER_CONFIG',
  'NEWSLETTER_DESIGN',
  'NEWSLETTER_CONFIG',
] as const;

export const ACTIVITY_SORTS = [
  'createdAt_ASC',
  'createdAt_DESC',
  'resourceType_ASC',
  'resourceType_DESC',
] as const;

/** The life of a backup or a sync run. */
export const RUN_STATUSES = [
  'initial',
  'pending',
  'running',
  'succeeded',
  'failed',
  'canceled',
] as const;

export const SYNC_ACTION_TYPES = ['app-objects-sync', 'app-backup', 'app-restore'] as const;

/** HBlock's two event kinds: user events are requests, system events are the platform's own. */
export const EVENT_TYPES = ['user', 'system'] as const;
