import { handleActivitiesRequest } from '../compat/activities/activities-endpoint';
import { handleBlockletRequest } from '../compat/blocklet/blocklet-endpoint';
import {
  handleBlockletMetaRequest,
  handleDidSpacesAuditLogRequest,
} from '../compat/did-spaces/did-spaces-endpoint';
import { handleHBlockEventRequest } from '../compat/hblock/hblock-endpoint';
import type { Exchange } from './exchange';
import { handleExportRequest } from './export/export-handler';
import { handleSigningKeysRequest } from './keys-endpoint';
import { handleTrpcExchange } from './trpc-handler';

export interface Route {
  /** The request log's module for requests to this route. */
  module: string;
  /** Matches a path, giving its named parameters. */
  pattern: RegExp;
  /** The most body bytes the route reads: past it the answer is a 413, read no further. */
  bodyLimitBytes: number;
  handle(exchange: Exchange, params: Record<string, string>): Promise<Response>;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Body limits. A tRPC batch of 1,000 events is ~0.5 MB; 8 MiB leaves room for 1,000 items that
 * each carry kilobytes of metadata. GraphQL bodies are queries and their variables. A DID Spaces
 * write is one sync run (its metadata at most 64 KiB, see the domain's JsonObject). The other
 * routes serve GET only and read no body.
 */
const NATIVE_API_BODY = 8 * MiB;
const GRAPHQL_BODY = 256 * KiB;
const DID_SPACES_BODY = 1 * MiB;
const NO_BODY = 0;

/**
 * Every endpoint OpsLedger serves over HTTP (docs/architecture.md, "The one HTTP entry"). Each
 * has a Next route file under apps/web/src/app whose folders name the same parameters;
 * route-table.test.ts there keeps the two in step.
 */
export const ROUTES: readonly Route[] = [
  {
    module: 'API',
    // The procedure names (`trpc`, as the Next route's folder names them) are read by tRPC.
    pattern: /^\/api\/trpc(?:\/(?<trpc>.*))?$/,
    bodyLimitBytes: NATIVE_API_BODY,
    handle: handleTrpcExchange,
  },
  {
    module: 'Keys',
    pattern: /^\/api\/\.well-known\/opsledger-keys\/?$/,
    bodyLimitBytes: NO_BODY,
    handle: handleSigningKeysRequest,
  },
  {
    module: 'Export',
    // A stream's filtered records as a CSV or NDJSON download (GET only, no body).
    pattern: /^\/api\/export\/(?<stream>[^/]+)\/?$/,
    bodyLimitBytes: NO_BODY,
    handle: handleExportRequest,
  },
  {
    module: 'Blocklet',
    pattern: /^\/api\/compat\/blocklet\/?$/,
    bodyLimitBytes: GRAPHQL_BODY,
    handle: handleBlockletRequest,
  },
  {
    module: 'ActivitiesLog',
    pattern: /^\/api\/compat\/activities\/?$/,
    bodyLimitBytes: GRAPHQL_BODY,
    handle: handleActivitiesRequest,
  },
  {
    module: 'System',
    pattern: /^\/rest\/v1\/system\/event\/?$/,
    bodyLimitBytes: NO_BODY,
    handle: handleHBlockEventRequest,
  },
  {
    module: 'DIDSpaces',
    pattern: /^\/__blocklet__\.js$/,
    bodyLimitBytes: NO_BODY,
    handle: handleBlockletMetaRequest,
  },
  {
    module: 'DIDSpaces',
    pattern:
      /^\/app\/api\/space\/(?<spaceDid>[^/]+)\/app\/(?<appDid>[^/]+)\/audit-log(?<list>\/list)?\/?$/,
    bodyLimitBytes: DID_SPACES_BODY,
    handle: handleDidSpacesAuditLogRequest,
  },
  {
    module: 'DIDSpaces',
    // The list alone, for the signing app: the path of the package's auditLogList handler.
    pattern: /^\/\.well-known\/service\/api\/did-space\/(?<list>audit-logs)\/?$/,
    bodyLimitBytes: NO_BODY,
    handle: handleDidSpacesAuditLogRequest,
  },
];

export function findRoute(pathname: string) {
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (match) return { route, params: { ...match.groups } };
  }
  return null;
}
