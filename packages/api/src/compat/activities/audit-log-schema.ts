import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * The Activities Log schema (seed 003, `auditLog.graphqls`), type names and descriptions as
 * published.
 *
 * The seed's query declares `sort: AuditLogSort` but its enum is printed as
 * `AuditLogFilterArgumentSort`, and its own examples send `CREATED_AT_DESC`, a value that enum
 * lacks. The argument's type name is what a client's query can name (in a variable
 * declaration), so the enum is `AuditLogSort`, with the four declared values and the
 * `CREATED_AT_ASC`/`CREATED_AT_DESC` spellings of the examples as aliases of `createdAt_*`.
 * The examples' other mismatch, node fields the schema lacks (`timestamp`, `action`, `userId`,
 * `details`), is answered by fields derived from these (audit-log-derived-fields.ts); the
 * published fields below stay exactly as they are.
 */
export const AUDIT_LOG_TYPE_DEFS = /* GraphQL */ `
  """
  An instant as an ISO-8601 string in UTC with milliseconds, e.g. 2026-05-20T12:00:00.000Z.
  """
  scalar DateTime

  """
  Represents an audit log entry.
  """
  type AuditLog {
    "The unique identifier of the audit log entry."
    id: ID!
    "The resource identifier associated with the audit log entry."
    sourceId: String!
    "The sequence key for the audit log entry representing a sequence of changes to the same resource."
    sequenceKey: String!
    "The UUID of the website associated with the audit log entry."
    websiteUuid: String
    "The company identifier associated with the audit log entry."
    companyId: String!
    "Indicates if the log entry is a keypoint, meaning one of the crucial changes as e.g. saving the design."
    keypoint: Boolean!
    "Indicates if the log entry is a dead end, like the draft, which was deleted."
    endpoint: Boolean!
    "The fields of the specific resource that were changed in the audit log entry."
    changedFields: [String]!
    "The title of the resource associated with the audit log entry."
    resourceTitle: String!
    "The type of resource associated with the audit log entry - several resource titles can have one parent resource type."
    resourceType: AuditResourceType!
    "The session information for the audit log entry, providing info on the user, making changes."
    auditLogSession: AuditLogSession
    "The timestamp when the audit log entry was created, e.g. the timestamp of a performed change."
    createdAt: DateTime!
  }

  """
  Represents an audit log session.
  """
  type AuditLogSession {
    "The unique identifier of the audit log session."
    sessionId: String!
    "The user identifier associated with the audit log session. Normally should be username, API key or email."
    authenticatedEntityName: String
    "The information about actions performed in the session."
    sessionEvents: [String]
  }

  """
  Enum for audit resource types. Please be aware, that this could be changed in future to accommodate more resource types.
  """
  enum AuditResourceType {
    EVENT
    WEBSITE
    FEED_CONFIG
    PAGES_DESIGN
    PAGES_CONFIG
    RECOM_DESIGN
    RECOM_CONFIG
    SEARCH_CONFIG
    TRIGGER_DESIGN
    TRIGGER_CONFIG
    NEWSLETTER_DESIGN
    NEWSLETTER_CONFIG
  }

  """
  Input type for filtering audit logs.
  """
  input AuditLogFilterInput {
    "The UUID of the website to filter by."
    websiteUuid: String
    "The company identifier to filter by."
    companyId: String
    "The source identifier to filter by."
    sourceId: String
    "The sequence key of the series of changes to the same resource to filter by."
    sequenceKey: String
    """
    The keypoint flag to filter by: "true" or "false".
    """
    keypoint: String
    """
    The endpoint flag to filter by: "true" or "false".
    """
    endpoint: String
    "String representation of the resource type enum to filter by."
    resourceType: String
    """
    The timestamp of the audit log entry to filter by with the "less than or equal to" operator (ISO-8601 with a time zone).
    """
    createdAtBefore: String
    """
    The timestamp of the audit log entry to filter by with the "greater than or equal to" operator (ISO-8601 with a time zone).
    """
    createdAtAfter: String
  }

  """
  Enum for sorting audit logs (published as AuditLogFilterArgumentSort; the query names it AuditLogSort).
  """
  enum AuditLogSort {
    createdAt_ASC
    createdAt_DESC
    resourceType_ASC
    resourceType_DESC
    "Alias of createdAt_ASC."
    CREATED_AT_ASC
    "Alias of createdAt_DESC, as the published examples spell it."
    CREATED_AT_DESC
  }

  """
  Represents a paginated list of audit logs.
  """
  type AuditLogConnection {
    edges: [AuditLogEdge!]!
    pageInfo: PageInfo!
  }

  type AuditLogEdge {
    node: AuditLog!
    cursor: String!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }

  type Query {
    """
    Fetches a list of audit logs.
    """
    auditLogs(
      "Filters to apply to the audit log query."
      filter: AuditLogFilterInput
      "Sorting options for the audit log query (default createdAt_DESC, newest first)."
      sort: AuditLogSort
      "The number of results to return (1 to 100, default 20)."
      first: Int
      "The cursor for pagination: the endCursor (or an edge's cursor) of the previous page."
      after: String
    ): AuditLogConnection!
  }
`;

/**
 * `DateTime` is only ever an output here (the filter's bounds are Strings in the seed): the
 * stored ISO-8601 instant is served as it is. As an input it takes an ISO string, so the
 * scalar is still usable in a client's variables without surprises.
 */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return value;
    throw new GraphQLError('DateTime cannot represent a non-instant value');
  },
  parseValue(value) {
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
    throw new GraphQLError('DateTime must be an ISO-8601 string');
  },
  parseLiteral(node) {
    if (node.kind === Kind.STRING && !Number.isNaN(Date.parse(node.value))) return node.value;
    throw new GraphQLError('DateTime must be an ISO-8601 string');
  },
});
