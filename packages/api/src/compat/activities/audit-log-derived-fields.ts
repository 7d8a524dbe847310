import {
  activityAction,
  activityDetails,
  type Activity,
  type ActivityConnection,
} from '@opsledger/domain';

import type { ServiceContext } from '../../context';
import { sequenceOpeners } from '../../services/activities/sequence-openers';

/**
 * The fields the seed's example queries select on `AuditLog` (`timestamp`, `action`, `userId`,
 * `details`) although its schema lacks them. Each is derived from stored fields only, so the
 * seed's own fields stay exactly as published and nothing new is stored.
 */
export const DERIVED_FIELDS_TYPE_DEFS = /* GraphQL */ `
  extend type AuditLog {
    "Alias of createdAt (the seed's examples select it)."
    timestamp: DateTime!
    """
    Derived from the entry's place in its sequence (the entries sharing its sequenceKey):
    "ended" when it is the sequence's endpoint; else "started" when no entry of the sequence
    comes before it (by createdAt, then by when it was stored); else "changed".
    """
    action: String!
    "Alias of auditLogSession.authenticatedEntityName (null without a session or a name)."
    userId: String
    """
    The resource title and the changed fields as JSON text:
    {"resourceTitle":"...","changedFields":["..."]}.
    """
    details: String!
  }
`;

/** An entry as the resolvers see it: with its page's sequence openers, read once if asked. */
export type AuditLogNode = Activity & { sequenceOpenersOfPage(): Promise<Set<string>> };

/**
 * Gives every node of a page one shared, lazy lookup of which entries open their sequence:
 * the query runs only when a query selects `action`, and once per page, not once per node.
 */
export function withSequenceOpeners(ctx: ServiceContext, connection: ActivityConnection) {
  let openers: Promise<Set<string>> | undefined;
  const sequenceOpenersOfPage = () =>
    (openers ??= sequenceOpeners(
      ctx,
      connection.edges.map((edge) => edge.node),
    ));
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({
      ...edge,
      node: { ...edge.node, sequenceOpenersOfPage } satisfies AuditLogNode,
    })),
  };
}

export const DERIVED_FIELD_RESOLVERS = {
  timestamp: (node: AuditLogNode) => node.createdAt,
  userId: (node: AuditLogNode) => node.auditLogSession?.authenticatedEntityName ?? null,
  details: (node: AuditLogNode) => activityDetails(node),
  action: async (node: AuditLogNode) =>
    activityAction(node, (await node.sequenceOpenersOfPage()).has(node.id)),
};
