import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { inheritedEnv } from '../src/env';
import { APP_DIR, portal, unique } from './portal';

const CLI_BIN = join(APP_DIR, '..', 'cli', 'bin', 'opsledger.mjs');

/** `pnpm opsledger …` against the portal under test, with the owner key of its credentials.json. */
export async function opsledger(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI_BIN, ...args], {
    env: { ...inheritedEnv(), OPSLEDGER_DATA_DIR: portal().dataDir, INIT_CWD: '' },
  });
  return stdout;
}

/** A new person in the demo team, added with the CLI: their address and printed password. */
export async function addMember(role: string): Promise<{ email: string; password: string }> {
  const email = `${unique(role)}@people.example`;
  const args = ['members', 'add', '--team', portal().team, '--email', email, '--role', role];
  return JSON.parse(await opsledger([...args, '--json'])) as { email: string; password: string };
}
