import { SharedSecretAlg } from '@opsledger/domain';

/** The access-key headers of a Blocklet request, as `@blocklet/server-js` sends them. */
export type PresentedAccessKey =
  | { alg: 'wallet'; id: string; stamp: string; signature: string }
  | { alg: SharedSecretAlg; id: string; signature: string };

/**
 * The access key a request presents: null when it presents none, `malformed` when the headers
 * are there but cannot be a valid credential (that is a refusal, not an anonymous request).
 */
export function presentedAccessKey(headers: Headers): PresentedAccessKey | 'malformed' | null {
  const id = headers.get('x-access-key-id');
  if (id === null) return null;
  const signature = headers.get('x-access-signature');
  const alg = headers.get('x-access-alg');
  if (!id || !signature) return 'malformed';
  if (alg !== null) {
    const shared = SharedSecretAlg.safeParse(alg);
    return shared.success ? { alg: shared.data, id, signature } : 'malformed';
  }
  const stamp = headers.get('x-access-stamp');
  return stamp ? { alg: 'wallet', id, stamp, signature } : 'malformed';
}
