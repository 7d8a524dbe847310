import { resolve } from 'node:path';
import type { Command } from 'commander';

import { CliError } from '../cli-error';
import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';
import { addListCommand } from './list-command';

export function registerAccessLogCommands(program: Command, io: CliIo): void {
  const accessLogs = program
    .command('access-logs')
    .description("the nginx access logs the worker tails for the team's apps' traffic");

  addListCommand(accessLogs, io, {
    description: 'list the configured access logs',
    list: async (client) => (await client.traffic.accessLogs.query()).list,
    columns: ['APP', 'PATH', 'UPDATED'],
    row: (log) => [log.appDid, log.path, log.updatedAt],
  });

  accessLogs
    .command('set')
    .description("set an app's access log (nginx `combined` format), or --remove it")
    .requiredOption('--app <did>', 'the app DID')
    .option('--path <file>', 'the log file on the machine the worker runs on')
    .option('--remove', "stop tailing the app's log")
    .option('--json', 'print the configuration as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { app: string; path?: string; remove?: boolean; json?: boolean }
      >();
      if ((options.path === undefined) === (options.remove !== true)) {
        throw new CliError('give either --path <file> or --remove');
      }
      const { client } = await connect(options, io.env);
      const set = await client.traffic.setAccessLog.mutate({
        appDid: options.app,
        path: options.path === undefined ? null : resolve(options.path),
      });
      if (options.json) return printJson(io.stdout, set);
      await writeOut(
        io.stdout,
        set === null
          ? `removed the access log of ${options.app}\n`
          : `${set.appDid} tails ${set.path}\n`,
      );
    });
}
