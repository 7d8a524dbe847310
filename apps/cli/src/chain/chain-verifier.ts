import { hash as sha, verify, type KeyObject } from 'node:crypto';

import type {
  BundleLine,
  ChainEvent,
  ChainPoint,
  Checkpoint,
  SigningKeyInfo,
} from '@opsledger/domain';
import {
  canonicalEvent,
  checkpointMessage,
  EVENT_LINE_HASH_AT,
  EVENT_LINE_PREV_HASH_AT,
  EVENT_LINE_TAIL_BYTES,
} from '@opsledger/domain/chain-format';

import { LineScratch } from './line-scratch';
import { publicKeysOf } from './public-keys';
import type { VerifyReport } from './verify-report';

export interface VerifyStart {
  team: string;
  keys: readonly SigningKeyInfo[];
  /** The point the first event links to: genesis, the team's anchor, or a checkpoint. */
  start: ChainPoint;
  /** When the start is a checkpoint, its signature vouches for it. */
  startCheckpoint: Checkpoint | null;
  /** Where the events must end (the chain head, or a bundle's stated end); null: anywhere. */
  end: ChainPoint | null;
}

class ChainBroken extends Error {
  constructor(
    readonly seq: number,
    problem: string,
  ) {
    super(problem);
  }
}

/**
 * Walks a team's chain in seq order, line by line, in constant memory: each event's seq follows
 * the one before, its prev_hash links to the hash before, and its hash is
 * sha256(prev_hash || canonical form) recomputed from its fields; each checkpoint is signed by a
 * published key and names the hash of the event at its seq. Stops at the first break.
 */
export class ChainVerifier {
  private readonly keys: Map<string, KeyObject>;
  private expectedSeq: number;
  private prevHash: string;
  private broken: ChainBroken | null = null;
  private report: Omit<VerifyReport, 'ok' | 'firstBadSeq' | 'problem'>;
  private readonly scratch: LineScratch;

  constructor(private readonly setup: VerifyStart) {
    this.keys = publicKeysOf(setup.keys);
    this.expectedSeq = setup.start.seq + 1;
    this.prevHash = setup.start.hash;
    this.scratch = new LineScratch(setup.team);
    this.report = {
      eventsChecked: 0,
      firstSeq: null,
      lastSeq: null,
      lastConfirmedCheckpoint: null,
      checkpointsConfirmed: 0,
    };
    const start = setup.startCheckpoint;
    if (start) {
      this.guard(() => {
        this.checkSignature(start);
        if (start.seq !== setup.start.seq || start.hash !== setup.start.hash) {
          throw new ChainBroken(start.seq, 'the starting checkpoint does not name the start');
        }
        this.confirm(start);
      });
    }
  }

  get failed(): boolean {
    return this.broken !== null;
  }

  private guard(work: () => void) {
    if (this.broken) return;
    try {
      work();
    } catch (error) {
      if (!(error instanceof ChainBroken)) throw error;
      this.broken = error;
    }
  }

  private confirm(checkpoint: Checkpoint) {
    this.report.lastConfirmedCheckpoint = checkpoint;
    this.report.checkpointsConfirmed++;
  }

  private checkSignature(checkpoint: Checkpoint) {
    if (checkpoint.teamId !== this.setup.team) {
      throw new ChainBroken(
        checkpoint.seq,
        `the checkpoint at seq ${checkpoint.seq} is another team's`,
      );
    }
    const key = this.keys.get(checkpoint.keyId);
    if (!key) {
      throw new ChainBroken(
        checkpoint.seq,
        `the checkpoint at seq ${checkpoint.seq} names unknown key ${checkpoint.keyId}`,
      );
    }
    const { signature, ...signed } = checkpoint;
    const holds = verify(
      null,
      Buffer.from(checkpointMessage(signed)),
      key,
      Buffer.from(signature, 'hex'),
    );
    if (!holds) {
      throw new ChainBroken(
        checkpoint.seq,
        `the checkpoint at seq ${checkpoint.seq} has a bad signature`,
      );
    }
  }

  /** Throws unless `seq` is the one the chain expects next. */
  private checkSeq(seq: number) {
    const expected = this.expectedSeq;
    if (seq > expected)
      throw new ChainBroken(expected, `seq ${expected} is missing (the next event has seq ${seq})`);
    if (seq < expected) {
      throw new ChainBroken(
        seq,
        `seq ${seq} appears again after seq ${expected - 1} (inserted or out of order)`,
      );
    }
  }

  private brokenLink(seq: number) {
    return new ChainBroken(
      seq,
      `seq ${seq}: its prev_hash does not link to the hash of seq ${seq - 1}`,
    );
  }

  private brokenHash(seq: number) {
    return new ChainBroken(
      seq,
      `seq ${seq}: its hash does not match its content (changed or moved)`,
    );
  }

  private accept(seq: number, hash: string) {
    this.prevHash = hash;
    this.expectedSeq = seq + 1;
    this.report.eventsChecked++;
    this.report.firstSeq ??= seq;
    this.report.lastSeq = seq;
  }

  event(event: ChainEvent): void {
    this.guard(() => {
      const seq = event.seq;
      this.checkSeq(seq);
      if (event.teamId !== this.setup.team)
        throw new ChainBroken(seq, `seq ${seq} is another team's event`);
      if (event.prevHash !== this.prevHash) throw this.brokenLink(seq);
      const canonical = canonicalEvent(this.setup.team, seq, event);
      // One-shot: a Hash object per event (create, two updates, digest) cost 3x the hashing.
      const hash = sha('sha256', this.prevHash + canonical, 'hex');
      if (hash !== event.hash) throw this.brokenHash(seq);
      this.accept(seq, hash);
    });
  }

  /**
   * A version-2 bundle's event line, `bytes[start, end)` (see bundleEventLine): its canonical
   * form is on the line verbatim, so it is hashed from the read buffer as it stands, and seq,
   * prev_hash and hash are read from fixed places. No JSON parsing and no rebuilt canonical
   * form: the hash commits to exactly these bytes, so any edit to them shows as a hash that does
   * not match, and the seq read from them is the one the hash vouches for.
   */
  eventLine(bytes: Buffer, start: number, end: number): void {
    this.guard(() => {
      const tail = end - EVENT_LINE_TAIL_BYTES;
      const prefix = this.scratch.prefix;
      const at = start + prefix.length;
      let seq = 0;
      let digit = at;
      for (; digit < tail && digit < at + 16; digit++) {
        const code = bytes[digit] as number;
        if (code < 0x30 || code > 0x39) break;
        seq = seq * 10 + code - 0x30;
      }
      if (
        digit === at ||
        bytes[digit] !== 0x2c ||
        bytes.compare(prefix, 0, prefix.length, start, at) !== 0 ||
        !this.scratch.tailIsTemplate(bytes, tail)
      ) {
        throw this.misshapen();
      }
      this.checkSeq(seq);
      const scratch = this.scratch.holding(this.prevHash, 64 + tail - start + 1);
      const statedPrev = tail + EVENT_LINE_PREV_HASH_AT;
      if (bytes.compare(scratch, 0, 64, statedPrev, statedPrev + 64) !== 0) {
        throw this.brokenLink(seq);
      }
      const length = 64 + bytes.copy(scratch, 64, start, tail);
      scratch[length] = 0x7d; // the canonical form's closing brace, which the tail stands in for
      const hash = sha('sha256', scratch.subarray(0, length + 1), 'hex');
      scratch.write(hash, 0, 64, 'latin1');
      this.scratch.nowHolds(hash);
      const stated = tail + EVENT_LINE_HASH_AT;
      if (bytes.compare(scratch, 0, 64, stated, stated + 64) !== 0) throw this.brokenHash(seq);
      this.accept(seq, hash);
    });
  }

  /** An event line of a version-2 bundle that is not in its layout (see bundleEventLine). */
  misshapenEvent(): void {
    this.guard(() => {
      throw this.misshapen();
    });
  }

  private misshapen() {
    return new ChainBroken(
      this.expectedSeq,
      `seq ${this.expectedSeq}: an event line out of the bundle's layout (edited?)`,
    );
  }

  checkpoint(checkpoint: Checkpoint): void {
    this.guard(() => {
      this.checkSignature(checkpoint);
      const last = this.expectedSeq - 1;
      if (checkpoint.seq > last) {
        throw new ChainBroken(
          last + 1,
          `seq ${last + 1} is missing (a checkpoint vouches for seq ${checkpoint.seq})`,
        );
      }
      if (checkpoint.seq < last) {
        throw new ChainBroken(
          checkpoint.seq,
          `the checkpoint at seq ${checkpoint.seq} comes after seq ${last}: out of order`,
        );
      }
      if (checkpoint.hash !== this.prevHash) {
        throw new ChainBroken(
          checkpoint.seq,
          `seq ${checkpoint.seq} differs from what the checkpoint signed at ${checkpoint.at}: ` +
            `an event after seq ${this.report.lastConfirmedCheckpoint?.seq ?? this.setup.start.seq} was changed`,
        );
      }
      this.confirm(checkpoint);
    });
  }

  /** One bundle line past the header. */
  line(line: BundleLine): void {
    if (line.type === 'event') this.event(line);
    else if (line.type === 'checkpoint') this.checkpoint(line);
  }

  finish(): VerifyReport {
    const { end } = this.setup;
    if (end) {
      this.guard(() => {
        const last = this.expectedSeq - 1;
        if (last < end.seq)
          throw new ChainBroken(
            last + 1,
            `seq ${last + 1} is missing (the chain ends at seq ${end.seq})`,
          );
        if (last > end.seq)
          throw new ChainBroken(
            end.seq + 1,
            `seq ${end.seq + 1} is past the end of the chain (seq ${end.seq})`,
          );
        if (this.prevHash !== end.hash)
          throw new ChainBroken(last, `seq ${last} is not the chain's last event`);
      });
    }
    return {
      ...this.report,
      ok: this.broken === null,
      firstBadSeq: this.broken?.seq ?? null,
      problem: this.broken?.message ?? null,
    };
  }
}
