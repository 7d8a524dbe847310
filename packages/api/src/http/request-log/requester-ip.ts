import { IpAddress } from '@opsledger/domain';

/**
 * The client's address as the proxy in front reports it: the first hop of `x-forwarded-for`,
 * else `x-real-ip`. Only a valid IP counts; the fetch Request carries no socket address, so
 * without a proxy header there is none.
 */
export function requesterIp(headers: Headers): string | undefined {
  const candidates = [
    headers.get('x-forwarded-for')?.split(',')[0]?.trim(),
    headers.get('x-real-ip')?.trim(),
  ];
  for (const candidate of candidates) {
    if (candidate && IpAddress.safeParse(candidate).success) return candidate;
  }
  return undefined;
}
