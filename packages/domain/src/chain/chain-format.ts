import { canonicalJson } from '../canonical-json';
import { canonicalEvent } from '../streams/canonical-event';
import type { Checkpoint } from './chain';

// The chain's byte formats, without zod: `@opsledger/domain/chain-format` is what the offline
// verifier loads, so `opsledger verify <bundle>` starts in milliseconds.
export {
  canonicalEvent,
  canonicalEventAt,
  canonicalEventBody,
  canonicalEventHead,
  canonicalEventPrefix,
  canonicalEventTail,
  GENESIS_HASH,
} from '../streams/canonical-event';

/**
 * The bundle format written. Version 2 puts each event's canonical form on its line verbatim
 * (see bundleEventLine), so a verifier hashes bytes straight from the file.
 */
export const BUNDLE_FORMAT = 'opsledger-bundle/2';
/** The first format (each event as a JSON object of its fields): still verified, never written. */
export const BUNDLE_FORMAT_V1 = 'opsledger-bundle/1';
export const BUNDLE_FORMATS = [BUNDLE_FORMAT, BUNDLE_FORMAT_V1] as const;

/** The bytes a checkpoint's signature covers: a domain tag, then canonical JSON. */
export function checkpointMessage(checkpoint: Omit<Checkpoint, 'signature'>): string {
  const { teamId, seq, hash, at, keyId } = checkpoint;
  return `opsledger-checkpoint/1\n${canonicalJson({ team: teamId, seq, hash, at, keyId })}`;
}

/** An event line's fixed-width tail: its links, after the canonical form's last member. */
export function eventLineTail(prevHash: string, hash: string): string {
  return `,"prevHash":"${prevHash}","hash":"${hash}","type":"event"}`;
}

const HEX_HASH = '0'.repeat(64);
/** Every event line ends with a tail of this many bytes (two 64-hex hashes in fixed places). */
export const EVENT_LINE_TAIL_BYTES = eventLineTail(HEX_HASH, HEX_HASH).length;
/** Where the tail's prev_hash and hash start, counted from the tail's first byte. */
export const EVENT_LINE_PREV_HASH_AT = eventLineTail(HEX_HASH, HEX_HASH).indexOf(HEX_HASH);
export const EVENT_LINE_HASH_AT = EVENT_LINE_PREV_HASH_AT + 64 + '","hash":"'.length;
/** How an event line ends, and nothing else in a bundle does. */
export const EVENT_LINE_END = '","type":"event"}';

/**
 * A version-2 bundle's event line: the event's canonical form, exactly the bytes its chain hash
 * covers except the closing brace, then its prev_hash, hash and type (the tail), and the brace.
 * Still one flat JSON object (`jq .seq`, `.content`, `.hash` read it), and a verifier needs no
 * JSON parsing: hash = sha256(prev_hash || line without its tail || "}").
 */
export function bundleEventLine(
  teamId: string,
  event: Parameters<typeof canonicalEvent>[2] & { seq: number; prevHash: string; hash: string },
): string {
  const canonical = canonicalEvent(teamId, event.seq, event);
  return `${canonical.slice(0, -1)}${eventLineTail(event.prevHash, event.hash)}`;
}
