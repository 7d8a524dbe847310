import { trpcMutation } from '../http/call';
import { LeakTally } from '../http/leaks';
import { StatusTally } from '../report/status-tally';
import { sleep } from '../wait';

const BATCH_SIZE = 100;
const REQUEST_TIMEOUT_MS = 10_000;
const PAUSE_AFTER_FAILURE_MS = 100;

interface Batch {
  keys: string[];
  input: { items: Record<string, unknown>[] };
}

/**
 * Writers that send `auditLogs.recordBatch` with an idempotency key on every item, as the typed
 * client does, and keep what a real client would know: which keys the server acknowledged (a
 * 200) and which batches are still unconfirmed. A failed batch is retried with the same keys,
 * so a retry of a batch the server did store must not duplicate it.
 */
export class KeyedWriter {
  readonly statuses = new StatusTally();
  readonly acked: string[] = [];
  /** 503 answers without a Retry-After header. */
  retryAfterMissing = 0;
  private readonly unconfirmed: Batch[] = [];
  private batches = 0;
  private stopped = false;
  private workers: Promise<void>[] = [];

  constructor(
    private readonly url: string,
    private readonly key: string,
    private readonly label: string,
    /** Where error answers that show SQL text, parameters or a hash are counted. */
    readonly leaks = new LeakTally(),
  ) {}

  /** Starts `count` writers; each stops by itself after `maxMs` at the latest. */
  start(count: number, maxMs: number): void {
    const deadline = Date.now() + maxMs;
    this.workers = Array.from({ length: count }, () => this.work(deadline));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers);
  }

  get unconfirmedBatches(): number {
    return this.unconfirmed.length;
  }

  /** Retries every unconfirmed batch (same keys), 500 ms apart, until confirmed or `maxMs` passed. */
  async drain(maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    const left = this.unconfirmed.splice(0);
    for (const batch of left) {
      let confirmed = false;
      for (let attempt = 0; !confirmed && Date.now() < deadline; attempt++) {
        if (attempt > 0) await sleep(500);
        confirmed = await this.send(batch);
      }
      if (!confirmed) this.unconfirmed.push(batch);
    }
  }

  private async work(deadline: number): Promise<void> {
    while (!this.stopped && Date.now() < deadline) {
      const batch = this.unconfirmed.shift() ?? this.nextBatch();
      if (!(await this.send(batch))) {
        this.unconfirmed.push(batch);
        await sleep(PAUSE_AFTER_FAILURE_MS);
      }
    }
  }

  private async send(batch: Batch): Promise<boolean> {
    const answer = await trpcMutation(
      this.url,
      this.key,
      'auditLogs.recordBatch',
      batch.input,
      REQUEST_TIMEOUT_MS,
    );
    this.statuses.add(answer.status);
    if (answer.status === 200) {
      this.acked.push(...batch.keys);
      return true;
    }
    if (answer.status === 503 && !answer.headers?.get('retry-after')) this.retryAfterMissing++;
    this.leaks.check(answer.text);
    return false;
  }

  private nextBatch(): Batch {
    const number = ++this.batches;
    const keys = Array.from({ length: BATCH_SIZE }, (_, i) => `${this.label}-${number}-${i}`);
    const items = keys.map((idempotencyKey, i) => ({
      scope: 'chaos',
      category: 'ingest',
      action: 'write',
      content: `${this.label} batch ${number} item ${i}`,
      actor: { did: 'zChaosWriter' },
      idempotencyKey,
    }));
    return { keys, input: { items } };
  }
}
