import type { Command } from 'commander';

import {
  RETENTION_STREAMS,
  type RetentionPolicies,
  type RetentionSetInput,
} from '@opsledger/domain';

import { CliError } from '../cli-error';
import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, printTable, writeOut } from '../output/write-out';

const printPolicies = (io: CliIo, { policies }: RetentionPolicies) =>
  printTable(
    io.stdout,
    ['STREAM', 'KEPT', 'SET BY'],
    policies.map((p) => [
      p.stream,
      p.days === null ? 'forever' : `${p.days} days`,
      p.isDefault ? 'default' : 'owner',
    ]),
  );

/** `--days <n>` or `--keep-forever`, exactly one, as the API takes it. */
function daysOf(options: { days?: string; keepForever?: boolean }): RetentionSetInput['days'] {
  if ((options.days === undefined) === (options.keepForever !== true)) {
    throw new CliError('give either --days <n> or --keep-forever');
  }
  if (options.days === undefined) return null;
  if (!/^\d{1,9}$/.test(options.days)) {
    throw new CliError(
      `--days: must be a whole number of days, got ${JSON.stringify(options.days)}`,
    );
  }
  return Number(options.days);
}

export function registerRetentionCommands(program: Command, io: CliIo): void {
  const retention = program
    .command('retention')
    .description("how long the team's streams are kept (events by stream, raw traffic hits)");

  retention
    .command('show')
    .description("show each stream's retention: what an owner set, else the default")
    .option('--json', 'print the policies as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<ConnectionOptions & { json?: boolean }>();
      const { client } = await connect(options, io.env);
      const shown = await client.retention.show.query();
      if (options.json) return printJson(io.stdout, shown);
      await printPolicies(io, shown);
    });

  retention
    .command('set')
    .description("set one stream's retention (needs an owner key)")
    .requiredOption('--stream <stream>', `one of ${RETENTION_STREAMS.join(', ')}`)
    .option('--days <n>', 'keep this many days')
    .option('--keep-forever', 'keep the stream until an owner sets a limit')
    .option('--json', 'print every policy after the change as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { stream: string; days?: string; keepForever?: boolean; json?: boolean }
      >();
      const days = daysOf(options);
      const { client } = await connect(options, io.env);
      const changed = await client.retention.set.mutate({
        stream: options.stream as RetentionSetInput['stream'],
        days,
      });
      if (options.json) return printJson(io.stdout, changed);
      await printPolicies(io, changed);
    });

  retention
    .command('run')
    .description(
      "apply every team's retention now (the worker does daily): drop expired event months, prune raw hits",
    )
    .option('--json', 'print what was removed as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<ConnectionOptions & { json?: boolean }>();
      const { client } = await connect(options, io.env);
      const run = await client.retention.run.mutate();
      if (options.json) return printJson(io.stdout, run);
      await writeOut(
        io.stdout,
        `dropped event months: ${run.droppedMonths.join(', ') || 'none'}\n` +
          (run.heldMonths.length > 0
            ? `held (a team's chain would be cut mid-way): ${run.heldMonths.join(', ')}\n`
            : '') +
          `chain anchors recorded: ${run.anchoredTeams}\n` +
          `raw traffic hits pruned: ${run.prunedTrafficHits}\n`,
      );
    });
}
