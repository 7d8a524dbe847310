import {
  canonicalEventPrefix,
  EVENT_LINE_HASH_AT,
  EVENT_LINE_PREV_HASH_AT,
  eventLineTail,
} from '@opsledger/domain/chain-format';

/**
 * The bytes eventLine hashes, reused from line to line: the hash before (hex), then a line's
 * canonical form. Allocating them per event would cost more than hashing them.
 */
export class LineScratch {
  /** How each of the team's canonical forms begins: `{"team":"<id>","seq":`. */
  readonly prefix: Buffer;
  private buffer = Buffer.alloc(1 << 12);
  private holds: string | null = null;

  /** The tail with zeros for its hashes: everything else in it is the same on every line. */
  private readonly tail = Buffer.from(eventLineTail('0'.repeat(64), '0'.repeat(64)));

  constructor(team: string) {
    this.prefix = Buffer.from(canonicalEventPrefix(team));
  }

  /**
   * Whether the tail at `bytes[at...]` is the template around its two hashes. Checked byte for
   * byte: the hash covers the rest of the line, and nothing outside both may change what a JSON
   * reader sees (`,"content" :"` in place of `,"prevHash":"` would, for jq).
   */
  tailIsTemplate(bytes: Buffer, at: number): boolean {
    const { tail } = this;
    const prevEnd = EVENT_LINE_PREV_HASH_AT + 64;
    const hashEnd = EVENT_LINE_HASH_AT + 64;
    return (
      bytes.compare(tail, 0, EVENT_LINE_PREV_HASH_AT, at, at + EVENT_LINE_PREV_HASH_AT) === 0 &&
      bytes.compare(tail, prevEnd, EVENT_LINE_HASH_AT, at + prevEnd, at + EVENT_LINE_HASH_AT) ===
        0 &&
      bytes.compare(tail, hashEnd, tail.length, at + hashEnd, at + tail.length) === 0
    );
  }

  /** A buffer of at least `size` bytes whose first 64 hold `prevHash`. */
  holding(prevHash: string, size: number): Buffer {
    if (this.buffer.length < size) {
      this.buffer = Buffer.alloc(Math.max(size, this.buffer.length * 2));
      this.holds = null;
    }
    if (this.holds !== prevHash) {
      this.buffer.write(prevHash, 0, 64, 'latin1');
      this.holds = prevHash;
    }
    return this.buffer;
  }

  /** The buffer's first 64 bytes were overwritten with `hash`. */
  nowHolds(hash: string) {
    this.holds = hash;
  }
}
