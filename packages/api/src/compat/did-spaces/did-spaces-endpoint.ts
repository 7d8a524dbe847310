import type { ServiceContext } from '../../context';
import { invalidField, retryAfterHeaders, toServiceError } from '../../errors';
import type { Exchange } from '../../http/exchange';
import { authenticateSignedApp } from './app-caller';
import { listAuditLogs } from './audit-log-list';
import { postObjectsSync, putObjectsSync } from './audit-log-writes';
import { blockletMetaResponse } from './blocklet-meta';
import type { SignedRequest } from './signed-request';

export async function handleBlockletMetaRequest(exchange: Exchange): Promise<Response> {
  if (exchange.request.method !== 'GET' && exchange.request.method !== 'HEAD') {
    return errorResponse(405, 'method: only GET', { allow: 'GET, HEAD' });
  }
  return blockletMetaResponse(exchange);
}

interface Operation {
  /** The request log's event name: the client's command. */
  action: string;
  status: number;
  run(ctx: ServiceContext, signed: SignedRequest, exchange: Exchange): Promise<unknown>;
}

const AUDIT_LOG_OPERATIONS: Record<string, Operation> = {
  POST: {
    action: 'PostObjectsSync',
    status: 201,
    run: (ctx, signed, exchange) => postObjectsSync(ctx, signed, jsonBody(exchange)),
  },
  PUT: {
    action: 'PutObjectsSync',
    status: 200,
    run: (ctx, signed, exchange) => putObjectsSync(ctx, signed, jsonBody(exchange)),
  },
};

const LIST_OPERATIONS: Record<string, Operation> = {
  GET: {
    action: 'ListAuditLogs',
    status: 200,
    run: (ctx, signed, exchange) => listAuditLogs(ctx, signed, exchange.target),
  },
};

/**
 * `/app/api/space/:spaceDid/app/:appDid/audit-log` (POST, PUT) and `.../audit-log/list` (GET),
 * as `@blocklet/did-space-js` calls them. OpsLedger has no spaces: the space DID is accepted
 * and not stored; the app (and through it the team) comes from the signature.
 */
export async function handleDidSpacesAuditLogRequest(
  exchange: Exchange,
  params: Record<string, string>,
): Promise<Response> {
  const operations = params.list === undefined ? AUDIT_LOG_OPERATIONS : LIST_OPERATIONS;
  const operation = operations[exchange.request.method];
  if (!operation) {
    const allowed = Object.keys(operations).join(', ');
    return errorResponse(405, `method: only ${allowed}`, { allow: allowed });
  }
  try {
    const { caller, signed } = await authenticateSignedApp(exchange, params.appDid ?? '');
    exchange.caller = caller;
    exchange.action = operation.action;
    const result = await operation.run({ database: exchange.database, caller }, signed, exchange);
    return Response.json(result, { status: operation.status });
  } catch (error) {
    const known = toServiceError(error);
    return known
      ? errorResponse(HTTP_STATUS[known.code], known.message, retryAfterHeaders(known))
      : errorResponse(500, 'internal error');
  }
}

function jsonBody(exchange: Exchange): unknown {
  try {
    return JSON.parse(exchange.body.toString('utf8'));
  } catch {
    throw invalidField('body', 'must be JSON');
  }
}

const HTTP_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
} as const;

/**
 * Failures as plain text: the client (got with `responseType: 'json'`) reports a body that is
 * not JSON as the command's `statusMessage`, while a JSON body is reduced to "Response code
 * 401 (Unauthorized)". Plain text is what lets its user read why.
 */
function errorResponse(status: number, message: string, headers: Record<string, string> = {}) {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  });
}
