import { roleAllows } from '@opsledger/domain';

import {
  authenticateHBlockRequest,
  type HBlockAuthFailure,
} from '../../auth/hblock-users/authenticate-hblock-user';
import { retryAfterHeaders, toServiceError, type ServiceError } from '../../errors';
import type { Exchange } from '../../http/exchange';
import { flushRequestLog } from '../../http/request-log/request-log-queue';
import { listPlatformEvents } from '../../services/platform-events/list-platform-events';
import { toHBlockEvent } from './hblock-event';
import { parseHBlockQuery } from './hblock-query';
import { hblockData, hblockError } from './hblock-response';

const REFUSALS: Record<HBlockAuthFailure['reason'], [number, string, string]> = {
  'missing-authorization': [
    401,
    'MissingAuthorization',
    'Authorization: must be "HBlock <userName>:<signature>"',
  ],
  'missing-date': [
    401,
    'MissingDate',
    'Date: must be an HTTP date, e.g. Thu, 04 Aug 2022 06:12:33 GMT',
  ],
  'stale-date': [403, 'RequestTimeTooSkewed', 'Date: is more than 15 minutes from the server time'],
  'bad-credentials': [
    401,
    'InvalidCredentials',
    'Authorization: the user name or signature is not valid',
  ],
};

/** Failures that end by themselves, in HBlock's words; any other known one is bad input. */
const FAILURES: Partial<Record<ServiceError['code'], [number, string]>> = {
  TOO_MANY_REQUESTS: [429, 'TooManyRequests'],
  SERVICE_UNAVAILABLE: [503, 'ServiceUnavailable'],
};

/** `GET /rest/v1/system/event?number=&type=`: the caller's team's last events, newest first. */
export async function handleHBlockEventRequest(exchange: Exchange): Promise<Response> {
  try {
    return await answerEventRequest(exchange);
  } catch (error) {
    const known = toServiceError(error);
    if (!known) return hblockError(exchange, 500, 'InternalError', 'internal error');
    const [status, code] = FAILURES[known.code] ?? [400, 'InvalidParameter'];
    return hblockError(exchange, status, code, known.message, retryAfterHeaders(known));
  }
}

async function answerEventRequest(exchange: Exchange): Promise<Response> {
  const { request } = exchange;
  if (request.method !== 'GET') {
    return hblockError(exchange, 405, 'MethodNotAllowed', `${request.method}: only GET is served`);
  }
  const auth = await authenticateHBlockRequest(exchange.database, {
    method: request.method,
    headers: request.headers,
    target: exchange.target,
    clientAddress: exchange.clientAddress,
  });
  if ('failure' in auth) {
    const [status, code, message] = REFUSALS[auth.failure.reason];
    return hblockError(exchange, status, code, message);
  }
  const { caller } = auth;
  exchange.caller = caller;
  exchange.action = 'ListEvents';
  if (!roleAllows(caller.role, 'read')) {
    return hblockError(exchange, 403, 'AccessDenied', `a ${caller.role} user may not read events`);
  }

  const query = parseHBlockQuery(exchange.target);
  if ('parameter' in query) {
    return hblockError(exchange, 400, 'InvalidParameter', `${query.parameter}: ${query.problem}`);
  }
  // The caller's own earlier requests are in the log before it is read.
  await flushRequestLog(exchange.database);
  const list = await listPlatformEvents({
    ctx: { database: exchange.database, caller },
    input: query.input,
  });
  return hblockData(exchange, { events: list.events.map(toHBlockEvent) });
}
