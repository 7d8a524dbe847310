import type { Activity } from './activities';

/**
 * The verbs of an activity's derived `action`: where the entry stands in its sequence (the
 * changes sharing its `sequenceKey`). See `activityAction`.
 */
export const ACTIVITY_ACTIONS = ['started', 'changed', 'ended'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

/**
 * `ended` when the entry is its sequence's endpoint (the seed's dead end, e.g. the deleted
 * draft), else `started` when it opens its sequence (no entry of the team with the same
 * `sequenceKey` comes before it in the createdAt_ASC order: by `createdAt`, then by when
 * OpsLedger stored it), else `changed`. Only stored fields decide it, so it never changes once
 * an entry's sequence has begun.
 */
export function activityAction(
  activity: Pick<Activity, 'endpoint'>,
  opensSequence: boolean,
): ActivityAction {
  if (activity.endpoint) return 'ended';
  return opensSequence ? 'started' : 'changed';
}

/** The derived `details`: the changed fields and the title, as JSON text, in a fixed order. */
export const activityDetails = (activity: Pick<Activity, 'changedFields' | 'resourceTitle'>) =>
  JSON.stringify({
    resourceTitle: activity.resourceTitle,
    changedFields: activity.changedFields,
  });
