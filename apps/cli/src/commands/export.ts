import { Option, type Command } from 'commander';

import {
  exportColumns,
  STREAM_NAMES,
  streamEntry,
  Timestamp,
  type StreamName,
} from '@opsledger/domain';

import { writeBundle } from '../chain/write-bundle';
import { CliError } from '../cli-error';
import { connect, type ConnectionOptions } from '../connection/connect';
import { exportFilter, type FilterOptions } from '../export/export-filter';
import { streamPages } from '../export/export-streams';
import { createRowWriter, EXPORT_FORMATS, type ExportFormat } from '../export/row-writers';
import type { CliIo } from '../io';
import { writeOut } from '../output/write-out';

interface BundleOptions {
  bundle?: string;
  afterSeq?: string;
  resume?: boolean;
  from?: string;
  to?: string;
}

const BUNDLE_FLAGS = new Set([
  'bundle',
  'afterSeq',
  'resume',
  'from',
  'to',
  'format',
  'url',
  'key',
  'team',
]);

async function exportBundle(options: BundleOptions & ConnectionOptions, io: CliIo) {
  const path = options.bundle ?? '';
  const stray = Object.entries(options)
    .filter(([name, value]) => !BUNDLE_FLAGS.has(name) && value !== undefined)
    .map(([name]) => name);
  if (stray.length > 0) {
    throw new CliError(
      `--bundle: a bundle holds the whole chain; drop ${stray.map((s) => `--${s}`).join(', ')}`,
    );
  }
  const afterSeq = options.afterSeq === undefined ? undefined : Number(options.afterSeq);
  if (afterSeq !== undefined && (!Number.isInteger(afterSeq) || afterSeq < 0)) {
    throw new CliError('--after-seq: must be a whole number, 0 or more');
  }
  const time = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const parsed = Timestamp.safeParse(value);
    if (!parsed.success) throw new CliError(`--${flag}: must be an ISO-8601 time with a zone`);
    return parsed.data;
  };
  const { client } = await connect(options, io.env);
  const written = await writeBundle(client, path, {
    from: time('from', options.from),
    to: time('to', options.to),
    afterSeq,
    resume: options.resume ?? false,
  });
  const { start, end, team } = written.header;
  const span = end === null ? 'no events in that range' : `seq ${start.seq + 1}..${end.seq}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  await writeOut(
    io.stderr,
    `wrote ${plural(written.events, 'event')} and ${plural(written.checkpoints, 'checkpoint')} ` +
      `of team ${team.slug} to ${path} (${span}; verify with: opsledger verify ${path})\n`,
  );
}

const list = (value: string) => value.split(',').map((item) => item.trim());

export function registerExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('write a stream to standard output, page by page (newest first where keyset)')
    .addOption(
      new Option('--stream <stream>', 'what to export (unless --bundle)').choices(STREAM_NAMES),
    )
    .option('--bundle <file>', "write the team's verifiable bundle (events, checkpoints, keys)")
    .option('--after-seq <seq>', 'bundle: only events after this seq (starts at a checkpoint)')
    .option('--resume', 'bundle: go on with an interrupted bundle file')
    .addOption(
      new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('ndjson'),
    )
    .option('--from <time>', 'audit, activity, backups: not before this ISO time')
    .option('--to <time>', 'audit, activity, backups: not after this ISO time')
    .option('--scope <scope>', 'audit: scope')
    .option('--category <category>', 'audit: category')
    .option('--q <query>', 'audit, activity: a search, e.g. "deploy -scope:billing" (see README)')
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
        ConnectionOptions &
          FilterOptions & { stream?: StreamName; format: ExportFormat } & BundleOptions
      >();
      if (options.bundle !== undefined) return exportBundle(options, io);
      if (options.stream === undefined) {
        throw new CliError("required option '--stream <stream>' not specified (or give --bundle)");
      }
      const stream = streamEntry(options.stream);
      const filter = exportFilter(options.stream, stream, options);
      const { client } = await connect(options, io.env);
      const columns = exportColumns(options.stream);
      const writer = await createRowWriter(options.format, io.stdout, columns);
      for await (const rows of streamPages(client, stream, filter)) await writer.write(rows);
    });
}
