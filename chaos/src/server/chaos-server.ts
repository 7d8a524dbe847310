import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, startNextServer, waitForHealth, type NextServer } from '@opsledger/next-server';

import { inheritedEnv } from '../env';
import { treeRssBytes } from './rss';

const appDir = fileURLToPath(new URL('../../../apps/web/', import.meta.url));
const HEALTH_TIMEOUT_MS = 90_000;

/**
 * The built portal under `next start` on PostgreSQL, on one port for the whole run: a server
 * killed or restarted comes back at the same URL, as a supervisor would bring it back, so the
 * clients and credentials.json keep working.
 */
export class ChaosServer {
  private current: NextServer;
  private readonly outputs: string[] = [];

  private constructor(
    first: NextServer,
    readonly dataDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.current = first;
  }

  static async start(databaseUrl: string): Promise<ChaosServer> {
    const dataDir = await mkdtemp(join(tmpdir(), 'opsledger-chaos-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...inheritedEnv(),
      DATABASE_URL: databaseUrl,
      OPSLEDGER_DATA_DIR: dataDir,
      OPSLEDGER_PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    const server = await startNextServer(appDir, env, { port });
    const chaos = new ChaosServer(server, dataDir, env);
    await chaos.healthy();
    return chaos;
  }

  get url(): string {
    return this.current.url;
  }

  get pid(): number {
    return this.current.pid;
  }

  rssBytes(): number {
    return treeRssBytes(this.current.pid);
  }

  /** kill -9: no shutdown hook runs, nothing is flushed. */
  kill(): Promise<void> {
    return this.current.kill();
  }

  /** Starts the server again (after a kill, or after an orderly stop) and waits for health. */
  async startAgain(): Promise<void> {
    await this.current.stop();
    this.outputs.push(this.current.output());
    this.current = await startNextServer(appDir, this.env, { port: this.current.port });
    await this.healthy();
  }

  private async healthy(): Promise<void> {
    try {
      await waitForHealth(this.current, HEALTH_TIMEOUT_MS);
    } catch (error) {
      await this.current.stop();
      throw new Error(`${String(error)}\nserver output:\n${this.output()}`);
    }
  }

  /** What every server of this run printed, oldest first. */
  output(): string {
    return [...this.outputs, this.current.output()].join('\n--- restarted ---\n');
  }

  async close(): Promise<void> {
    await this.current.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
