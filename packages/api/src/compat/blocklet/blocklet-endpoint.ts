import type { z } from 'zod';

import { roleAllows } from '@opsledger/domain';

import { authenticateBlockletRequest } from '../../auth/access-keys/authenticate-blocklet-request';
import type { ServiceContext } from '../../context';
import { forbidden, type ServiceError } from '../../errors';
import type { Exchange } from '../../http/exchange';
import { createGraphqlEndpoint, type GraphqlContext } from '../graphql/graphql-endpoint';
import {
  AuditLogsInput,
  BackupsInput,
  PassportLogsInput,
  TrafficInsightsInput,
} from './blocklet-inputs';
import {
  getAuditLogs,
  getBlockletBackups,
  getBlockletBackupSummary,
  getPassportLogs,
  getTrafficInsights,
} from './blocklet-queries';
import { Any, Int32, Uint32 } from './blocklet-scalars';
import { BLOCKLET_TYPE_DEFS } from './blocklet-schema';

/** Blocklet's StatusCode names where it has one; GraphQL's conventional name for bad input. */
const ERROR_CODES: Record<ServiceError['code'], string> = {
  BAD_REQUEST: 'BAD_USER_INPUT',
  UNAUTHORIZED: 'forbidden',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'blocklet_not_found',
  CONFLICT: 'conflict',
  TOO_MANY_REQUESTS: 'too_many_requests',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  SERVICE_UNAVAILABLE: 'service_unavailable',
};

/**
 * The team a query acts for, and the query's name for the request log. Missing, wrong, stale
 * and revoked credentials all get Blocklet's bare `forbidden`: which one it was is no business
 * of a caller that could not prove who it is.
 */
function serviceContextOf(exchange: Exchange, field: string): ServiceContext {
  exchange.action = exchange.action === null ? field : `${exchange.action},${field}`;
  const { caller } = exchange;
  if (!caller || !roleAllows(caller.role, 'read')) throw forbidden('forbidden');
  return { database: exchange.database, caller };
}

/** A resolver of one root field: its `input` checked by `schema`, then answered by `run`. */
function rootField<S extends z.ZodType, R>(
  field: string,
  schema: S,
  run: (ctx: ServiceContext, input: z.infer<S>, exchange: Exchange) => Promise<R>,
) {
  return (_parent: unknown, args: { input?: unknown }, { exchange }: GraphqlContext) => {
    const ctx = serviceContextOf(exchange, field);
    return run(ctx, schema.parse(args.input), exchange);
  };
}

const serveGraphql = createGraphqlEndpoint({
  endpoint: '/api/compat/blocklet',
  typeDefs: BLOCKLET_TYPE_DEFS,
  errorCode: (error) => ERROR_CODES[error.code],
  authenticate: (exchange) =>
    authenticateBlockletRequest(
      exchange.database,
      exchange.request.headers,
      exchange.clientAddress,
    ),
  resolvers: {
    Uint32,
    Int32,
    Any,
    Query: {
      getBlockletBackups: rootField('getBlockletBackups', BackupsInput, getBlockletBackups),
      getBlockletBackupSummary: rootField(
        'getBlockletBackupSummary',
        BackupsInput,
        (ctx, input, exchange) =>
          getBlockletBackupSummary(ctx, input, exchange.request.headers.get('x-timezone')),
      ),
      getAuditLogs: rootField('getAuditLogs', AuditLogsInput, getAuditLogs),
      getPassportLogs: rootField('getPassportLogs', PassportLogsInput, getPassportLogs),
      getTrafficInsights: rootField('getTrafficInsights', TrafficInsightsInput, getTrafficInsights),
    },
  },
});

/**
 * Blocklet Server's GraphQL API (`new BlockletServerClient(url)`): the caller is known before
 * the query runs, so the request log has it even for a query that fails validation.
 */
export const handleBlockletRequest = serveGraphql;
