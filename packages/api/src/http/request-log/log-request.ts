import { PlatformEventInput } from '@opsledger/domain';

import { logger } from '../../logging/logger';
import type { Exchange } from '../exchange';
import { loggedFailure } from './logged-failure';
import { recordedBody } from './recorded-body';
import { redactTarget } from './redact-secrets';
import { enqueueRequestLog } from './request-log-queue';

const MAX_NAME_CHARS = 200;
const MAX_URL_CHARS = 4000;

const pathOf = (target: string) => target.split('?')[0] ?? target;

/** What the log stores of one request: HBlock's user event. */
function userEvent(exchange: Exchange, status: number): PlatformEventInput | null {
  const { request } = exchange;
  const failure = status >= 400 ? loggedFailure(status, exchange.failure) : null;
  const url = redactTarget(exchange.target);
  const event = PlatformEventInput.safeParse({
    type: 'user',
    module: exchange.module,
    name: (exchange.action || `${request.method} ${pathOf(exchange.target)}`).slice(
      0,
      MAX_NAME_CHARS,
    ),
    occurredAt: exchange.receivedAt,
    requestId: exchange.requestId,
    // The address the failure budgets counted, not a header the client may have written.
    requesterIP: exchange.clientAddress ?? undefined,
    statusCode: status,
    errorCode: failure?.code,
    errorMessage: failure?.message,
    detail: {
      method: request.method,
      url: url.length > MAX_URL_CHARS ? `${url.slice(0, MAX_URL_CHARS - 3)}...` : url,
      body: recordedBody(exchange.body),
    },
  });
  if (event.success) return event.data;
  // Built at flush time, outside the request: its id is named here.
  logger().error(
    { requestId: exchange.requestId, issues: event.error.issues },
    'request log: an entry could not be stored',
  );
  return null;
}

/**
 * Puts an authenticated request in its team's request log (HBlock's user events). Called after
 * every request; the entry is built and written off the request path, batched with others.
 */
export function logRequest(exchange: Exchange, response: Response): void {
  const { caller } = exchange;
  if (!caller) return;
  enqueueRequestLog(exchange.database, {
    caller,
    build: () => Promise.resolve(userEvent(exchange, response.status)),
  });
}
