import { Option, type Command } from 'commander';

import { exportColumns, STREAM_NAMES, streamEntry, type StreamName } from '@opsledger/domain';

import { connect, type ConnectionOptions } from '../connection/connect';
import { exportFilter, type FilterOptions } from '../export/export-filter';
import { streamPages } from '../export/export-streams';
import { createRowWriter, EXPORT_FORMATS, type ExportFormat } from '../export/row-writers';
import type { CliIo } from '../io';

const list = (value: string) => value.split(',').map((item) => item.trim());

export function registerExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('write a stream to standard output, page by page (newest first where keyset)')
    .addOption(
      new Option('--stream <stream>', 'what to export').choices(STREAM_NAMES).makeOptionMandatory(),
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('ndjson'),
    )
    .option('--from <time>', 'audit, activity, backups: not before this ISO time')
    .option('--to <time>', 'audit, activity, backups: not after this ISO time')
    .option('--scope <scope>', 'audit: scope')
    .option('--category <category>', 'audit: category')
    .option('--q <text>', 'audit: text the action or the content contains')
    .option('--company-id <id>', 'activity: company')
    .option('--source-id <id>', 'activity: source')
    .option('--sequence-key <key>', 'activity: sequence key')
    .option('--website-uuid <uuid>', 'activity: website')
    .option('--resource-type <type>', 'activity: resource type, e.g. WEBSITE')
    .option('--keypoint', 'activity: keypoint changes only')
    .option('--no-keypoint', 'activity: no keypoint changes')
    .option('--endpoint', 'activity: endpoint changes only')
    .option('--no-endpoint', 'activity: no endpoint changes')
    .option('--passport-id <id>', 'passport: one passport')
    .option('--app <did>', 'backups, syncs, traffic: one app')
    .option('--status <list>', 'syncs: status or comma-separated statuses', list)
    .option('--action-type <list>', 'syncs: action type(s), comma-separated', list)
    .option('--start-date <day>', 'traffic: first day, YYYY-MM-DD')
    .option('--end-date <day>', 'traffic: last day, YYYY-MM-DD')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & FilterOptions & { stream: StreamName; format: ExportFormat }
      >();
      const stream = streamEntry(options.stream);
      const filter = exportFilter(options.stream, stream, options);
      const { client } = await connect(options, io.env);
      const columns = exportColumns(options.stream);
      const writer = await createRowWriter(options.format, io.stdout, columns);
      for await (const rows of streamPages(client, stream, filter)) await writer.write(rows);
    });
}
