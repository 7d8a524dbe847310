/*
 * The GraphQL documents of seed 003 (the Activities Log API user guide, one of the external seed
 * documents of the four systems OpsLedger grew from), copied verbatim: do not reformat them.
 */

/** "Example Query" (under "Querying Audit Logs"). */
export const EXAMPLE_QUERY = `query {
  auditLogs(
    filter: {
      companyId: "company-123"
      createdAtAfter: "2023-01-01T00:00:00Z"
    }
    sort: CREATED_AT_DESC
    first: 10
  ) {
    edges {
      node {
        id
        timestamp
        action
        userId
        details
      }
      cursor
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}`;

/** "Filtering". */
export const FILTERING = `{
  auditLogs(
    filter: {
      companyId: "company-123"
      createdAtAfter: "2023-01-01T00:00:00Z"
    }
  ) {
    edges {
      node {
        id
        timestamp
        action
        userId
        details
      }
    }
  }
}`;

/** "Sorting". */
export const SORTING = `{
  auditLogs(
    sort: CREATED_AT_DESC
  ) {
    edges {
      node {
        id
        timestamp
        action
        userId
        details
      }
    }
  }
}`;

/** "Pagination". */
export const PAGINATION = `{
  auditLogs(
    first: 10
  ) {
    edges {
      node {
        id
        timestamp
        action
        userId
        details
      }
      cursor
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}`;

/** "To fetch the next page". */
export const NEXT_PAGE = `{
  auditLogs(
    first: 10
    after: "cursor-from-previous-query"
  ) {
    edges {
      node {
        id
        timestamp
        action
        userId
        details
      }
      cursor
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}`;

/** What NEXT_PAGE tells its reader to replace with a real `endCursor`. */
export const CURSOR_PLACEHOLDER = 'cursor-from-previous-query';
