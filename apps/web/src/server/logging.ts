import { configureLogging, logger } from '@opsledger/api';

import type { ServerConfig } from '../env';

/**
 * Points the server's logger where its configuration says: JSON lines on stdout for log
 * collectors (`next start`), or pino-pretty's coloured lines for people (`next dev`).
 * pino-pretty runs as a plain stream in this thread, not as a pino transport: transports load
 * their target by name in a worker thread, which Next.js's bundling of the server breaks. It is a
 * dev dependency, loaded only when asked for.
 */
export async function startLogging({ log }: ServerConfig): Promise<void> {
  if (log.format === 'json') {
    configureLogging({ level: log.level });
    return;
  }
  const { default: pretty } = await import('pino-pretty').catch(() => {
    throw new Error('OPSLEDGER_LOG_FORMAT=pretty needs pino-pretty (a dev dependency) installed');
  });
  configureLogging({ level: log.level, destination: pretty({ sync: true }) });
}

/** The server's start-up and shutdown lines: what `log` options of the API receive. */
export const log = (line: string) => logger().info(line);
