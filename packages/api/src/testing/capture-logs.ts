import { configureLogging } from '../logging/logger';

/** One line as pino wrote it: its level (30 info, 40 warn, 50 error), message and fields. */
export interface LoggedLine {
  level: number;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}

/**
 * Keeps what OpsLedger logs from now on, as parsed lines, until `restore` silences it again
 * (quiet-logs.ts is every test file's default).
 */
export function captureLogs() {
  const lines: LoggedLine[] = [];
  const raw: string[] = [];
  configureLogging({
    level: 'info',
    destination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as LoggedLine);
      },
    },
  });
  return {
    lines,
    /** The lines as written, for looking for what must not be there. */
    text: () => raw.join(''),
    restore: () => void configureLogging({ level: 'silent' }),
  };
}
