/**
 * The Blocklet Server schema of the five operational queries, as `@blocklet/server-js` knows
 * it (its lib/schema/graphql.json): type names and fields exactly as the client selects them.
 * Uint32 and Int32 are the protobuf-derived scalars of Blocklet Server; Any is free JSON.
 */
export const BLOCKLET_TYPE_DEFS = /* GraphQL */ `
  type Query {
    getBlockletBackups(input: RequestGetBlockletBackupsInput): ResponseGetBlockletBackups
    getBlockletBackupSummary(
      input: RequestGetBlockletBackupSummaryInput
    ): ResponseGetBlockletBackupSummary
    getAuditLogs(input: RequestGetAuditLogsInput): ResponseGetAuditLogs
    getPassportLogs(input: RequestPassportLogInput): ResponsePassportLog
    getTrafficInsights(input: RequestGetTrafficInsightsInput): ResponseGetTrafficInsights
  }

  input RequestGetBlockletBackupsInput {
    did: String
    startTime: String
    endTime: String
  }

  type ResponseGetBlockletBackups {
    code: StatusCode
    backups: [Backup!]
  }

  enum StatusCode {
    ok
    blocklet_not_found
    blocklet_not_purchased
    forbidden
    internal
    timeout
  }

  type Backup {
    appPid: String
    userDid: String
    strategy: Uint32
    sourceUrl: String
    target: String
    targetName: String
    targetUrl: String
    createdAt: Uint32
    updatedAt: Uint32
    status: Uint32
    message: String
    progress: Uint32
    metadata: Any
  }

  scalar Uint32

  scalar Any

  input RequestGetBlockletBackupSummaryInput {
    did: String
    startTime: String
    endTime: String
  }

  type ResponseGetBlockletBackupSummary {
    code: StatusCode
    summary: [BackupSummaryItem!]
  }

  type BackupSummaryItem {
    date: String
    successCount: Int32
    errorCount: Int32
  }

  scalar Int32

  input RequestGetAuditLogsInput {
    paging: PagingInput
    scope: String
    category: String
    actionOrContent: String
  }

  input PagingInput {
    total: Uint32
    pageSize: Uint32
    pageCount: Uint32
    page: Uint32
  }

  type ResponseGetAuditLogs {
    code: StatusCode
    list: [AuditLog!]
    paging: Paging
  }

  type AuditLog {
    id: String
    scope: String
    category: String
    action: String
    content: String
    actor: AuditLogActor
    env: AuditLogEnv
    createdAt: Uint32
    ip: String
    ua: String
    componentDid: String
  }

  type AuditLogActor {
    did: String
    role: String
    fullName: String
    avatar: String
    source: String
  }

  type AuditLogEnv {
    browser: AuditLogEnvItem
    os: AuditLogEnvItem
  }

  type AuditLogEnvItem {
    name: String
    version: String
  }

  type Paging {
    total: Uint32
    pageSize: Uint32
    pageCount: Uint32
    page: Uint32
  }

  input RequestPassportLogInput {
    teamDid: String
    query: PassportLogQueryInput
    paging: PagingInput
  }

  input PassportLogQueryInput {
    passportId: String
  }

  type ResponsePassportLog {
    passportLogs: [PassportLogState!]
    paging: Paging
  }

  type PassportLogState {
    id: Uint32
    passportId: String
    action: String
    operatorIp: String
    operatorUa: String
    operatorDid: String
    metadata: Any
    createdAt: Uint32
  }

  input RequestGetTrafficInsightsInput {
    did: String
    startDate: String
    endDate: String
    paging: PagingInput
  }

  type ResponseGetTrafficInsights {
    code: StatusCode
    list: [TrafficInsight!]
    paging: Paging
  }

  type TrafficInsight {
    did: String
    date: String
    totalRequests: Uint32
    validRequests: Uint32
    failedRequests: Uint32
    generationTime: Uint32
    uniqueVisitors: Uint32
    uniqueFiles: Uint32
    excludedHits: Uint32
    uniqueReferrers: Uint32
    uniqueNotFound: Uint32
    uniqueStaticFiles: Uint32
    logSize: Uint32
    bandwidth: Uint32
  }
`;
