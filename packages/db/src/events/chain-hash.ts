import { createHash } from 'node:crypto';

/** hash = sha256(prev_hash || canonical JSON of the event), hex. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
