import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A Debian pg_ctlcluster cluster that the run may stop and start: the one CHAOS_PG_CLUSTER
 * names, and only after checking that it is the one listening on DATABASE_URL's port.
 */
export class Cluster {
  constructor(
    readonly version: string,
    readonly name: string,
  ) {}

  get label(): string {
    return `${this.version}/${this.name}`;
  }

  /** The port pg_lsclusters lists for this cluster, or null when it does not list it. */
  async port(): Promise<number | null> {
    const { stdout } = await run('pg_lsclusters', ['--no-header']);
    for (const line of stdout.split('\n')) {
      const [version, name, port] = line.trim().split(/\s+/);
      if (version === this.version && name === this.name) return Number(port);
    }
    return null;
  }

  private ctl(action: 'start' | 'stop') {
    const extra = action === 'stop' ? ['-m', 'fast'] : [];
    return run('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      this.version,
      this.name,
      action,
      ...extra,
    ]);
  }

  async stop(): Promise<void> {
    await this.ctl('stop');
  }

  async start(): Promise<void> {
    await this.ctl('start');
  }

  async isReady(port: number): Promise<boolean> {
    try {
      await run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]);
      return true;
    } catch {
      return false;
    }
  }

  /** Starts the cluster unless it already answers: the run never leaves it stopped. */
  async ensureRunning(port: number): Promise<void> {
    if (!(await this.isReady(port))) await this.start();
  }
}
