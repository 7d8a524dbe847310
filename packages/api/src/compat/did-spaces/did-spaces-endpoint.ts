import type { ServiceContext } from '../../context';
import { HTTP_STATUS, invalidField, retryAfterHeaders, toServiceError } from '../../errors';
import type { Exchange, ExchangeFailure } from '../../http/exchange';
import { authenticateSignedApp } from './app-caller';
import { listAuditLogs } from './audit-log-list';
import { postObjectsSync, putObjectsSync } from './audit-log-writes';
import { blockletMetaResponse } from './blocklet-meta';
import type { SignedRequest } from './signed-request';

export async function handleBlockletMetaRequest(exchange: Exchange): Promise<Response> {
  if (exchange.request.method !== 'GET' && exchange.request.method !== 'HEAD') {
    const refusal = { code: 'METHOD_NOT_SUPPORTED', message: 'method: only GET' };
    return errorResponse(exchange, 405, refusal, { allow: 'GET, HEAD' });
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
    run: async (ctx, signed, exchange) => postObjectsSync(ctx, signed, await jsonBody(exchange)),
  },
  PUT: {
    action: 'PutObjectsSync',
    status: 200,
    run: async (ctx, signed, exchange) => putObjectsSync(ctx, signed, await jsonBody(exchange)),
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
 * as `@blocklet/did-space-js` calls them; the same list at the path of the package's list
 * handler, `/.well-known/service/api/did-space/audit-logs`, whose path names no app. OpsLedger
 * has no spaces: the space DID is accepted and not stored; the app (and through it the team)
 * comes from the signature.
 */
export async function handleDidSpacesAuditLogRequest(
  exchange: Exchange,
  params: Record<string, string>,
): Promise<Response> {
  const operations = params.list === undefined ? AUDIT_LOG_OPERATIONS : LIST_OPERATIONS;
  const operation = operations[exchange.request.method];
  if (!operation) {
    const allowed = Object.keys(operations).join(', ');
    const refusal = { code: 'METHOD_NOT_SUPPORTED', message: `method: only ${allowed}` };
    return errorResponse(exchange, 405, refusal, { allow: allowed });
  }
  try {
    const { caller, signed } = await authenticateSignedApp(exchange, params.appDid);
    exchange.caller = caller;
    exchange.action = operation.action;
    const result = await operation.run({ database: exchange.database, caller }, signed, exchange);
    return Response.json(result, { status: operation.status });
  } catch (error) {
    const known = toServiceError(error);
    return known
      ? errorResponse(exchange, HTTP_STATUS[known.code], known, retryAfterHeaders(known))
      : errorResponse(exchange, 500, { code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
  }
}

/** Read only after the signature (which covers no body) has named a registered app. */
async function jsonBody(exchange: Exchange): Promise<unknown> {
  const body = await exchange.readBody();
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidField('body', 'must be JSON');
  }
}

/**
 * Failures as plain text: the client (got with `responseType: 'json'`) reports a body that is
 * not JSON as the command's `statusMessage`, while a JSON body is reduced to "Response code
 * 401 (Unauthorized)". Plain text is what lets its user read why.
 */
function errorResponse(
  exchange: Exchange,
  status: number,
  failure: ExchangeFailure,
  headers: Record<string, string> = {},
) {
  exchange.failure = { code: failure.code, message: failure.message };
  return new Response(failure.message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  });
}
