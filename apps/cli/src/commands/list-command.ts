import type { Command } from 'commander';

import type { OpsLedgerClient } from '@opsledger/client';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, printTable } from '../output/write-out';

export interface ListCommand<T> {
  description: string;
  list: (client: OpsLedgerClient) => Promise<T[]>;
  /** The table's header, for people; `--json` prints the list as the API answers it. */
  columns: readonly string[];
  row: (item: T) => readonly (string | null)[];
}

/** `<group> list`: the team's items as a table, or as JSON with `--json`. */
export function addListCommand<T>(group: Command, io: CliIo, spec: ListCommand<T>): void {
  group
    .command('list')
    .description(spec.description)
    .option('--json', 'print JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<ConnectionOptions & { json?: boolean }>();
      const { client } = await connect(options, io.env);
      const list = await spec.list(client);
      if (options.json) return printJson(io.stdout, list);
      await printTable(io.stdout, spec.columns, list.map(spec.row));
    });
}
