import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

import { connectionFailureCode } from '@opsledger/db';
import { IllegalTransitionError, InvalidCursorError } from '@opsledger/domain';

import { logger } from './logging/logger';

/** A failure a caller can act on. Services throw these; `toTRPCError` is the one mapping. */
export class ServiceError extends Error {
  constructor(
    readonly code:
      | 'BAD_REQUEST'
      | 'UNAUTHORIZED'
      | 'FORBIDDEN'
      | 'NOT_FOUND'
      | 'CONFLICT'
      | 'PAYLOAD_TOO_LARGE'
      | 'TOO_MANY_REQUESTS'
      | 'SERVICE_UNAVAILABLE',
    message: string,
    /** For a refusal that ends by itself (429, 503): when the same request may work. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** A refusal that ends by itself: every endpoint answers it 429 with `Retry-After` seconds. */
export class TooManyRequestsError extends ServiceError {
  constructor(message: string, retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', message, retryAfterSeconds);
  }
}

/** How long a caller should wait before repeating a request the database could not serve. */
export const RETRY_AFTER_SECONDS = 2;

/** The `Retry-After` header every endpoint adds to the answer of a failure that has one. */
export function retryAfterHeaders(error: ServiceError | null): Record<string, string> {
  return error?.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
}

/** Bad input that only a service can see: the message starts with the field's name. */
export const invalidField = (field: string, problem: string) =>
  new ServiceError('BAD_REQUEST', `${field}: ${problem}`);
export const notFound = (what: string) => new ServiceError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string) => new ServiceError('CONFLICT', message);
export const forbidden = (message: string) => new ServiceError('FORBIDDEN', message);
export const unauthorized = (message = 'a valid API key is required') =>
  new ServiceError('UNAUTHORIZED', message);

/** The HTTP status of a known failure, for endpoints that answer with plain HTTP statuses. */
export const HTTP_STATUS: Record<ServiceError['code'], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** `path.to.field: problem; other: problem` — every bad field named. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

/**
 * The one judgement of what a failure means to a caller: known failures become a ServiceError
 * with their message; anything else is logged and becomes null, so no driver or stack detail
 * leaks. The native API and every compatible endpoint answer from this.
 */
export function toServiceError(error: unknown): ServiceError | null {
  if (error instanceof ServiceError) return error;
  if (error instanceof ZodError) return new ServiceError('BAD_REQUEST', describeZodError(error));
  if (error instanceof InvalidCursorError) return invalidField('cursor', error.message);
  if (error instanceof IllegalTransitionError) return conflict(`status: ${error.message}`);
  // A restart or an outage, not a bug: the request may work in a moment (never the SQL text).
  const unavailable = connectionFailureCode(error);
  if (unavailable) {
    logger().error({ code: unavailable }, 'database unavailable');
    return new ServiceError(
      'SERVICE_UNAVAILABLE',
      'the database is unavailable; retry shortly',
      RETRY_AFTER_SECONDS,
    );
  }
  logger().error({ err: error }, 'unexpected error');
  return null;
}

/** The native API's mapping: tRPC's own errors pass, the rest are judged by toServiceError. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) {
    // tRPC wraps whatever a resolver throws in an INTERNAL_SERVER_ERROR: judge the original.
    if (
      error.code === 'INTERNAL_SERVER_ERROR' &&
      error.cause &&
      !(error.cause instanceof TRPCError)
    ) {
      return toTRPCError(error.cause);
    }
    if (error.cause instanceof ZodError) {
      return new TRPCError({
        code: 'BAD_REQUEST',
        message: describeZodError(error.cause),
        cause: error.cause,
      });
    }
    return error;
  }
  const known = toServiceError(error);
  return known
    ? new TRPCError({ code: known.code, message: known.message, cause: known })
    : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
}
