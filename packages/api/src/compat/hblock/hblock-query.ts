import { EventType, MAX_EVENTS_READ, type PlatformEventListInput } from '@opsledger/domain';

export type HBlockQuery =
  { input: PlatformEventListInput } | { parameter: string; problem: string };

/** One parameter's value: absent, or given once (a repeated one is ambiguous). */
function single(params: URLSearchParams, name: string): string | null | { repeated: true } {
  const values = params.getAll(name);
  if (values.length > 1) return { repeated: true };
  return values[0] ?? null;
}

/** `?number=N&type=user|system` from the request target, each checked as HBlock documents it. */
export function parseHBlockQuery(target: string): HBlockQuery {
  const start = target.indexOf('?');
  const params = new URLSearchParams(start < 0 ? '' : target.slice(start + 1));

  const number = single(params, 'number');
  if (typeof number === 'object' && number !== null) {
    return { parameter: 'number', problem: 'must be given once' };
  }
  if (number !== null && (!/^\d{1,4}$/.test(number) || +number < 1 || +number > MAX_EVENTS_READ)) {
    return {
      parameter: 'number',
      problem: `must be an integer from 1 to ${MAX_EVENTS_READ}, got ${JSON.stringify(number.slice(0, 20))}`,
    };
  }

  const type = single(params, 'type');
  if (typeof type === 'object' && type !== null) {
    return { parameter: 'type', problem: 'must be given once' };
  }
  const parsedType = EventType.safeParse(type ?? 'user');
  if (!parsedType.success) {
    return {
      parameter: 'type',
      problem: `must be user or system, got ${JSON.stringify((type ?? '').slice(0, 20))}`,
    };
  }
  return {
    input: { type: parsedType.data, number: number === null ? MAX_EVENTS_READ : +number },
  };
}
