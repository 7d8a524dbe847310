import { gotApi } from '@blocklet/did-space-js/dist/libs/api';

import {
  signedHeaders,
  type AppWallet,
  type AuditLogPage,
  type CommandResult,
} from './did-spaces-client.testing';

/** Where the seed's `listLogs` is pointed (`${endpoint}/.well-known/service/api/did-space`). */
export const SEED_LIST_ENDPOINT = '/.well-known/service/api/did-space';

export interface SeedListInput {
  endpoint: string;
  size: number;
  page: number;
  sort: string;
  order: number;
  status?: string;
  actionType?: string;
}

/**
 * The nearest real equivalent of the seed's `client.auditLog.listLogs(...)`: its facade
 * (`@did-space/client`) is not published. It does what the published package does for every
 * audit-log call: signs the GET with the app's wallet (`signRequest`), sends it with the
 * package's own `got` instance, and answers `{statusCode, statusMessage, data}` with the body
 * as `data`. The list handler's path is the package's (`.../did-space/audit-logs`).
 */
export async function listLogsAsSeed(
  wallet: AppWallet,
  input: SeedListInput,
): Promise<CommandResult<AuditLogPage>> {
  const { endpoint, ...query } = input;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.append(name, String(value));
  }
  const url = `${endpoint}/audit-logs?${search.toString()}`;
  const headers = await signedHeaders({ wallet, method: 'GET', url });
  const response = await gotApi<AuditLogPage>({
    url,
    method: 'GET',
    responseType: 'json',
    headers,
    throwHttpErrors: false,
    retry: { limit: 0 },
  });
  return {
    statusCode: response.statusCode,
    statusMessage: response.statusMessage ?? '',
    data: response.body,
  };
}
