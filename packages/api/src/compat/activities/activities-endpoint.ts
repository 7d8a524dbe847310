import { ACTIVITY_SORTS, roleAllows } from '@opsledger/domain';

import { bearerToken } from '../../auth/api-key-secret';
import { authenticateApiKey } from '../../auth/authenticate';
import type { ServiceContext } from '../../context';
import { forbidden, unauthorized, type ServiceError } from '../../errors';
import type { Exchange } from '../../http/exchange';
import { listActivities } from '../../services/activities/list-activities';
import { createGraphqlEndpoint, type GraphqlContext } from '../graphql/graphql-endpoint';
import {
  DERIVED_FIELD_RESOLVERS,
  DERIVED_FIELDS_TYPE_DEFS,
  withSequenceOpeners,
} from './audit-log-derived-fields';
import { AUDIT_LOG_TYPE_DEFS, DateTime } from './audit-log-schema';
import { activityListInputOf, type AuditLogsArguments } from './audit-logs-arguments';

/** The codes GraphQL servers conventionally give these failures (Apollo's names). */
const ERROR_CODES: Record<ServiceError['code'], string> = {
  BAD_REQUEST: 'BAD_USER_INPUT',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/** The alias spellings of the published examples map to the sort they mean (see the schema). */
const AUDIT_LOG_SORT = {
  ...Object.fromEntries(ACTIVITY_SORTS.map((sort) => [sort, sort])),
  CREATED_AT_ASC: 'createdAt_ASC',
  CREATED_AT_DESC: 'createdAt_DESC',
};

/**
 * The team a request acts for. Checked here rather than before GraphQL runs, so that a request
 * without a key gets the GraphQL error the protocol's clients understand, and the public schema
 * itself can still be read.
 */
function serviceContextOf(exchange: Exchange): ServiceContext {
  const { caller } = exchange;
  if (!caller) {
    throw unauthorized(
      bearerToken(exchange.request.headers.get('authorization'))
        ? 'the API key is not valid'
        : 'an API key is required (Authorization: Bearer <key>)',
    );
  }
  if (!roleAllows(caller.role, 'read')) throw forbidden(`a ${caller.role} key may not read`);
  return { database: exchange.database, caller };
}

const serveGraphql = createGraphqlEndpoint({
  endpoint: '/api/compat/activities',
  typeDefs: AUDIT_LOG_TYPE_DEFS + DERIVED_FIELDS_TYPE_DEFS,
  errorCode: (error) => ERROR_CODES[error.code],
  authenticate(exchange) {
    const secret = bearerToken(exchange.request.headers.get('authorization'));
    return secret
      ? authenticateApiKey(exchange.database, secret, exchange.clientAddress)
      : Promise.resolve(null);
  },
  resolvers: {
    DateTime,
    AuditLogSort: AUDIT_LOG_SORT,
    AuditLog: DERIVED_FIELD_RESOLVERS,
    Query: {
      async auditLogs(_parent: unknown, args: AuditLogsArguments, { exchange }: GraphqlContext) {
        exchange.action = 'auditLogs';
        const ctx = serviceContextOf(exchange);
        // The service's connection is already the seed's Relay shape (edges, pageInfo).
        const connection = await listActivities({ ctx, input: activityListInputOf(args) });
        return withSequenceOpeners(ctx, connection);
      },
    },
  },
});

/** Activities Log GraphQL (`/api/compat/activities`): the seed's `auditLogs`, by Bearer key. */
export const handleActivitiesRequest = serveGraphql;
