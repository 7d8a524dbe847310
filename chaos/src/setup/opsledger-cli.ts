import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { inheritedEnv } from '../env';

const cliDir = dirname(createRequire(import.meta.url).resolve('@opsledger/cli/package.json'));
/** The `opsledger` bin, which `pnpm opsledger` runs. */
const cliBin = join(cliDir, 'bin', 'opsledger.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One `opsledger` command line against the server whose credentials.json is in `dataDir`
 * (the file `--team <slug>` picks a key from). Never throws: the exit code is the figure.
 */
export function runOpsledger(args: string[], dataDir: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliBin, ...args],
      { env: { ...inheritedEnv(), OPSLEDGER_DATA_DIR: dataDir }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
