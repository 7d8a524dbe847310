import { pino, type Logger } from 'pino';

import { CliError } from './cli-error';
import type { CliIo } from './io';

const LEVELS = [...Object.keys(pino.levels.values), 'silent'];

/**
 * The CLI's own log, on stderr only (stdout is the command's output, `--json` included), as
 * pino JSON lines. Quiet by default: what a user must know is said in one plain line
 * (`opsledger: ...`); `OPSLEDGER_LOG_LEVEL=debug` adds the detail behind it, such as the stack
 * of an unexpected failure.
 */
export function createDiagnostics(io: CliIo): Logger {
  const level = io.env.OPSLEDGER_LOG_LEVEL || 'warn';
  if (!LEVELS.includes(level)) {
    throw new CliError(`OPSLEDGER_LOG_LEVEL: must be one of ${LEVELS.join(', ')}`);
  }
  return pino({ level, base: { name: 'opsledger-cli' } }, io.stderr);
}
