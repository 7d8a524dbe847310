import { handleActivitiesRequest } from '../compat/activities/activities-endpoint';
import { handleBlockletRequest } from '../compat/blocklet/blocklet-endpoint';
import {
  handleBlockletMetaRequest,
  handleDidSpacesAuditLogRequest,
} from '../compat/did-spaces/did-spaces-endpoint';
import { handleHBlockEventRequest } from '../compat/hblock/hblock-endpoint';
import type { Exchange } from './exchange';
import { handleTrpcExchange } from './trpc-handler';

export interface Route {
  /** The request log's module for requests to this route. */
  module: string;
  /** Matches a path, giving its named parameters. */
  pattern: RegExp;
  handle(exchange: Exchange, params: Record<string, string>): Promise<Response>;
}

/** Every endpoint OpsLedger serves over HTTP (DESIGN.md, "Contract"). */
export const ROUTES: readonly Route[] = [
  { module: 'API', pattern: /^\/api\/trpc(?:\/|$)/, handle: handleTrpcExchange },
  { module: 'Blocklet', pattern: /^\/api\/compat\/blocklet\/?$/, handle: handleBlockletRequest },
  {
    module: 'ActivitiesLog',
    pattern: /^\/api\/compat\/activities\/?$/,
    handle: handleActivitiesRequest,
  },
  { module: 'System', pattern: /^\/rest\/v1\/system\/event\/?$/, handle: handleHBlockEventRequest },
  { module: 'DIDSpaces', pattern: /^\/__blocklet__\.js$/, handle: handleBlockletMetaRequest },
  {
    module: 'DIDSpaces',
    pattern:
      /^\/app\/api\/space\/(?<spaceDid>[^/]+)\/app\/(?<appDid>[^/]+)\/audit-log(?<list>\/list)?\/?$/,
    handle: handleDidSpacesAuditLogRequest,
  },
  {
    module: 'DIDSpaces',
    // The list alone, for the signing app: the path of the package's auditLogList handler.
    pattern: /^\/\.well-known\/service\/api\/did-space\/(?<list>audit-logs)\/?$/,
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
