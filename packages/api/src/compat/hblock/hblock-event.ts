import type { PlatformEvent } from '@opsledger/domain';

/** An event as HBlock answers it; absent facts are left out, as in HBlock's examples. */
export interface HBlockEvent {
  eventId: string;
  module: string;
  eventTime: number;
  name: string;
  requestId?: string;
  requesterIP?: string;
  statusCode?: number;
  errorCode?: string;
  errorMessage?: string;
  detail?: { method?: string; url?: string; body?: string };
  instanceId?: string;
}

/** HBlock's mark for "no error code / message". */
const NONE = '-';

const present = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined;

/** In HBlock's order (method, url, body): the store gives jsonb members in its own order. */
function detailOf(event: PlatformEvent): HBlockEvent['detail'] {
  const { method, url, body } = event.detail ?? {};
  const detail = {
    ...(present(method) && { method }),
    ...(present(url) && { url }),
    ...(present(body) && { body }),
  };
  return Object.keys(detail).length > 0 ? detail : undefined;
}

export function toHBlockEvent(event: PlatformEvent): HBlockEvent {
  const base: HBlockEvent = {
    eventId: event.eventId,
    module: event.module,
    eventTime: Date.parse(event.eventTime),
    name: event.name,
  };
  const detail = detailOf(event);
  if (event.type === 'system') {
    return {
      ...base,
      ...(present(event.instanceId) && { instanceId: event.instanceId }),
      ...(detail && { detail }),
    };
  }
  return {
    ...base,
    ...(present(event.requestId) && { requestId: event.requestId }),
    ...(present(event.requesterIP) && { requesterIP: event.requesterIP }),
    ...(present(event.statusCode) && { statusCode: event.statusCode }),
    errorCode: event.errorCode ?? NONE,
    errorMessage: event.errorMessage ?? NONE,
    ...(detail && { detail }),
  };
}
