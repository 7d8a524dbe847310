import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';

import { MAX_OPERATIONS_PER_REQUEST } from '@opsledger/domain';

import { TEAM_HEADER } from '../auth/portal/session-caller';
import { createContext, type Context } from '../context';
import { retryAfterHeaders, ServiceError, toTRPCError } from '../errors';
import { appRouter } from '../root';
import { callerRequired } from '../trpc';
import type { Exchange } from './exchange';
import { decodedWrite } from './json-body-request';

const ENDPOINT = '/api/trpc';

/** What the request log keeps of a tRPC failure: the first, for a batch. */
function failureOf(errors: readonly TRPCError[]): Exchange['failure'] {
  const [first] = errors;
  return first ? { code: first.code, message: first.message } : null;
}

/**
 * A refusal in tRPC's own error shape, so typed clients surface the message. A batch gets one
 * error for all its operations (the client hands it to each).
 */
function trpcErrorResponse(exchange: Exchange, error: TRPCError): Response {
  exchange.failure = failureOf([error]);
  const httpStatus = getHTTPStatusCodeFromError(error);
  const data = { code: error.code, httpStatus };
  const body = {
    error: { message: error.message, code: TRPC_ERROR_CODES_BY_KEY[error.code], data },
  };
  return Response.json(body, { status: httpStatus, headers: retryAfterOf([error]) });
}

/** `Retry-After` when one of the errors is a refusal that ends by itself (429, 503). */
function retryAfterOf(errors: readonly TRPCError[]): Record<string, string> {
  const causes = errors.map((error) => error.cause);
  const lasting = causes.find((cause) => cause instanceof ServiceError && cause.retryAfterSeconds);
  return retryAfterHeaders(lasting instanceof ServiceError ? lasting : null);
}

/**
 * The team a portal request acts in: the x-opsledger-team header, or for a subscription (an
 * EventSource cannot send headers) the `team` of its tRPC connection parameters.
 */
function teamSlugOf(request: Request): string | null {
  const header = request.headers.get(TEAM_HEADER);
  if (header) return header;
  const params = new URL(request.url).searchParams.get('connectionParams');
  if (!params) return null;
  try {
    const parsed: unknown = JSON.parse(params);
    const team = (parsed as { team?: unknown } | null)?.team;
    return typeof team === 'string' && team !== '' ? team : null;
  } catch {
    return null;
  }
}

/** The procedure paths a request names: several, comma-separated, for a batch. */
function operationsOf(request: Request): string[] {
  const url = new URL(request.url);
  const paths = decodeURIComponent(url.pathname.slice(ENDPOINT.length + 1));
  return url.searchParams.get('batch') === '1' ? paths.split(',') : [paths];
}

/**
 * What refuses a request before its body is read: a batch over the cap, and a write without a
 * valid key (every procedure needs one; queries come by GET and carry no body).
 */
function refusalBeforeBody(
  request: Request,
  context: Context,
  operations: number,
): TRPCError | null {
  if (operations > MAX_OPERATIONS_PER_REQUEST) {
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: `batch: at most ${MAX_OPERATIONS_PER_REQUEST} operations per request, not ${operations}`,
    });
  }
  return request.method === 'POST' && !context.caller ? callerRequired(context) : null;
}

/**
 * The body of a write, read up to the route's limit. Decoded strictly: a body that is not UTF-8
 * is refused whole rather than silently stored with replacement characters. Read, checked and
 * decoded once (see json-body-request.ts).
 */
async function forwardedWrite(exchange: Exchange): Promise<Request | TRPCError> {
  let body: Buffer<ArrayBuffer>;
  try {
    body = await exchange.readBody();
  } catch (error) {
    return toTRPCError(error);
  }
  return (
    decodedWrite(exchange.request, body) ??
    new TRPCError({ code: 'BAD_REQUEST', message: 'body: is not valid UTF-8' })
  );
}

/**
 * Serves the native API. The caller is known from the headers before the body is read, so a
 * write without a valid key costs no more than its headers.
 */
export async function handleTrpcExchange(exchange: Exchange): Promise<Response> {
  const { request } = exchange;
  const operations = operationsOf(request);
  exchange.action = operations.join(',');
  let context: Context;
  try {
    context = await createContext({
      database: exchange.database,
      authorization: request.headers.get('authorization'),
      headers: request.headers,
      teamSlug: teamSlugOf(request),
      clientAddress: exchange.clientAddress,
    });
  } catch (error) {
    // Resolving the caller failed (a blocked credential, the database): judged like any failure.
    return trpcErrorResponse(exchange, toTRPCError(error));
  }
  exchange.caller = context.caller;
  const refusal = refusalBeforeBody(request, context, operations.length);
  if (refusal) return trpcErrorResponse(exchange, refusal);

  const forwarded = request.method === 'POST' ? await forwardedWrite(exchange) : request;
  if (forwarded instanceof TRPCError) return trpcErrorResponse(exchange, forwarded);
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req: forwarded,
    router: appRouter,
    createContext: () => context,
    responseMeta: ({ errors }) => {
      exchange.failure = failureOf(errors);
      return { headers: new Headers({ 'cache-control': 'no-store', ...retryAfterOf(errors) }) };
    },
  });
}
