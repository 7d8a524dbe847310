import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

import { exportColumns, roleAllows } from '@opsledger/domain';

import { createContext } from '../../context';
import { HTTP_STATUS, retryAfterHeaders, toServiceError, toTRPCError } from '../../errors';
import { logger } from '../../logging/logger';
import { callerRequired } from '../../trpc';
import type { Exchange } from '../exchange';
import { exportBody } from './export-body';
import { exportPages } from './export-pages';
import { parseExportQuery, type ExportFormat } from './export-query';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** A refusal as JSON `{ error: { message } }`, recorded for the request log. */
function refusal(exchange: Exchange, error: unknown): Response {
  const known = error instanceof TRPCError ? null : toServiceError(error);
  if (error instanceof TRPCError || !known) {
    const trpc = error instanceof TRPCError ? error : toTRPCError(error);
    exchange.failure = { code: trpc.code, message: trpc.message };
    const status = getHTTPStatusCodeFromError(trpc);
    const headers = retryAfterHeaders(toServiceError(trpc.cause) ?? null);
    return Response.json({ error: { message: trpc.message } }, { status, headers });
  }
  exchange.failure = { code: known.code, message: known.message };
  return Response.json(
    { error: { message: known.message } },
    { status: HTTP_STATUS[known.code], headers: retryAfterHeaders(known) },
  );
}

/** `opsledger-audit-20261201T181500Z.csv`: the stream, when, and the format. */
function fileName(stream: string, format: ExportFormat, at: string): string {
  const stamp = at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `opsledger-${stream}-${stamp}.${format}`;
}

/**
 * `GET /api/export/<stream>?format=csv|ndjson&<the list's filters>`: the filtered view as a
 * download, streamed in keyset pages. The caller is resolved exactly as for the native API (an
 * API key, or the portal's session), and needs the role to read.
 */
export async function handleExportRequest(
  exchange: Exchange,
  params: Record<string, string>,
): Promise<Response> {
  const { request } = exchange;
  const streamName = params.stream ?? '';
  exchange.action = `export.${streamName}`;
  if (request.method !== 'GET') {
    exchange.failure = { code: 'METHOD_NOT_SUPPORTED', message: 'export: only GET' };
    return Response.json({ error: { message: 'export: only GET' } }, { status: 405 });
  }
  try {
    const context = await createContext({
      database: exchange.database,
      authorization: request.headers.get('authorization'),
      // A download from the portal carries the session cookie and names its team (`team=`).
      headers: request.headers,
      teamSlug: new URL(request.url).searchParams.get('team'),
      clientAddress: exchange.clientAddress,
    });
    exchange.caller = context.caller;
    if (!context.caller) throw callerRequired(context);
    if (!roleAllows(context.caller.role, 'read')) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `a ${context.caller.role} key may not read`,
      });
    }
    const query = parseExportQuery(streamName, new URL(request.url).searchParams);
    const body = await exportBody(
      query.format,
      exportColumns(query.name),
      exportPages(context, query),
      (error) => logger().error({ err: error }, 'export: ended early'),
    );
    return new Response(body, {
      headers: {
        'content-type': CONTENT_TYPES[query.format],
        'content-disposition': `attachment; filename="${fileName(query.name, query.format, exchange.receivedAt)}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    return refusal(exchange, error);
  }
}
