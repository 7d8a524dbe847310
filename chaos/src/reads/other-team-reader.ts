import { trpcQuery } from '../http/call';
import { StatusTally } from '../report/status-tally';
import { sleep } from '../wait';

const READ_TIMEOUT_MS = 5_000;
const PAUSE_MS = 100;

/**
 * A bystander: another team listing its audit logs, one read after another, while a case
 * attacks. Any answer but a 200 within 5 s is an error the attacker caused that team.
 */
export class OtherTeamReader {
  readonly statuses = new StatusTally();
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly key: string,
  ) {}

  /** Reads until stopped, or for `maxMs` at the latest. */
  start(maxMs: number): void {
    const deadline = Date.now() + maxMs;
    this.loop = (async () => {
      while (!this.stopped && Date.now() < deadline) {
        const answer = await trpcQuery(
          this.url,
          this.key,
          'auditLogs.list',
          { pageSize: 5 },
          READ_TIMEOUT_MS,
        );
        this.statuses.add(answer.status);
        await sleep(PAUSE_MS);
      }
    })();
  }

  async stop(): Promise<{ reads: number; errors: number }> {
    this.stopped = true;
    await this.loop;
    const reads = this.statuses.total;
    return { reads, errors: reads - this.statuses.count(200) };
  }
}
