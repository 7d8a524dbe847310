import type { Command } from 'commander';

import type { OpsLedgerClient } from '@opsledger/client';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';

export interface RevokeCommand<T> {
  description: string;
  /** The argument naming the credential, and its help. */
  argument: readonly [name: string, description: string];
  /** Help of `--json`, which prints the revoked credential as the API answers it. */
  json: string;
  revoke(client: OpsLedgerClient, ref: string): Promise<T>;
  /** The line that says what was revoked. */
  done(revoked: T): string;
}

/** `<group> revoke <ref>`: revokes one of the team's credentials. */
export function addRevokeCommand<T>(group: Command, io: CliIo, spec: RevokeCommand<T>): void {
  group
    .command('revoke')
    .description(spec.description)
    .argument(...spec.argument)
    .option('--json', spec.json)
    .action(async (ref: string, _options, command: Command) => {
      const options = command.optsWithGlobals<ConnectionOptions & { json?: boolean }>();
      const { client } = await connect(options, io.env);
      const revoked = await spec.revoke(client, ref);
      if (options.json) return printJson(io.stdout, revoked);
      await writeOut(io.stdout, `${spec.done(revoked)}\n`);
    });
}
