import { PlatformEventInput } from '@opsledger/domain';
import { logger } from '../../logging/logger';
import type { Exchange } from '../exchange';
import { recordedBody } from './recorded-body';
import { redactTarget } from './redact-secrets';
import { requesterIp } from './requester-ip';
import { enqueueRequestLog } from './request-log-queue';
import { responseError } from './response-error';

const MAX_NAME_CHARS = 200;
const MAX_URL_CHARS = 4000;

const pathOf = (target: string) => target.split('?')[0] ?? target;

/** What the log stores of one request: HBlock's user event. */
async function userEvent(
  exchange: Exchange,
  status: number,
  errorCopy: Response | null,
): Promise<PlatformEventInput | null> {
  const { request } = exchange;
  const failure = status >= 400 ? await responseError(status, errorCopy) : null;
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
    requesterIP: requesterIp(request.headers),
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
  let errorCopy: Response | null = null;
  if (response.status >= 400 && response.body) {
    try {
      // Taken now, before the server streams the original to the client.
      errorCopy = response.clone();
    } catch {
      errorCopy = null;
    }
  }
  enqueueRequestLog(exchange.database, {
    caller,
    build: () => userEvent(exchange, response.status, errorCopy),
  });
}
