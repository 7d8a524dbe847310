import type { Command } from 'commander';

import type { OpsLedgerClient } from '@opsledger/client';

import { CliError } from '../cli-error';
import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { progressBar } from '../output/progress-bar';
import { printJson, writeOut } from '../output/write-out';

type Options = ConnectionOptions & { json?: boolean; wait?: boolean };

const TERMINAL = ['succeeded', 'failed', 'canceled'];
const POLL_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows a sync run (objects sync or restore) until it ends, drawing its progress. */
async function waitForRun(client: OpsLedgerClient, id: string, io: CliIo) {
  const bar = progressBar(io.stderr);
  for (;;) {
    const run = await client.syncs.get.query({ id });
    const percent =
      run.totalCount > 0 ? ((run.successCount + run.errorCount) / run.totalCount) * 100 : 0;
    bar.update(
      TERMINAL.includes(run.status) ? 100 : percent,
      `${run.status} ${run.successCount}/${run.totalCount} files`,
    );
    if (TERMINAL.includes(run.status)) {
      bar.done();
      return run;
    }
    await sleep(POLL_MS);
  }
}

async function waitForBackup(client: OpsLedgerClient, id: string, io: CliIo) {
  const bar = progressBar(io.stderr);
  for (;;) {
    const backup = await client.backups.get.query({ id });
    bar.update(backup.progress, `${backup.status} ${backup.message ?? ''}`);
    if (TERMINAL.includes(backup.status)) {
      bar.done();
      return backup;
    }
    await sleep(POLL_MS);
  }
}

/** Prints the outcome; a job that ended failed is a non-zero exit after it is printed. */
async function report(
  io: CliIo,
  options: Options,
  what: string,
  outcome: { id: string; status: string },
  problem: string | null,
) {
  if (options.json) await printJson(io.stdout, outcome);
  else
    await writeOut(
      io.stdout,
      `${what} ${outcome.id}: ${outcome.status}${problem ? ` (${problem})` : ''}\n`,
    );
  if (outcome.status !== 'succeeded' && options.wait) {
    throw new CliError(
      `${what} ${outcome.id} ended ${outcome.status}${problem ? `: ${problem}` : ''}`,
    );
  }
}

export function registerWorkerJobCommands(program: Command, io: CliIo): void {
  const profiles = program.command('sync-profiles').description('what the worker syncs, and when');
  profiles
    .command('create')
    .description('create a sync profile of an app: a source folder to a target folder')
    .requiredOption('--app <did>', "the app's DID")
    .requiredOption('--source <dir>', 'absolute source folder (on the workers’ machines)')
    .requiredOption('--target <dir>', 'absolute target folder')
    .option('--delete', 'delete target files that are gone from the source')
    .option('--schedule <cron>', 'five-field cron expression in UTC, e.g. "0 3 * * *"')
    .option('--json', 'print {"id"} as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        Options & {
          app: string;
          source: string;
          target: string;
          delete?: boolean;
          schedule?: string;
        }
      >();
      const { client } = await connect(options, io.env);
      const profile = await client.syncProfiles.create.mutate({
        appDid: options.app,
        source: options.source,
        target: options.target,
        deleteMissing: options.delete === true,
        schedule: options.schedule ?? null,
      });
      if (options.json) return printJson(io.stdout, { id: profile.id });
      await writeOut(
        io.stdout,
        `created sync profile ${profile.id}${profile.nextRunAt ? ` (next run ${profile.nextRunAt})` : ''}\n`,
      );
    });
  profiles
    .command('schedule')
    .description("change or remove a profile's schedule")
    .requiredOption('--profile <id>', 'the sync profile')
    .option('--schedule <cron>', 'five-field cron expression in UTC')
    .option('--none', 'remove the schedule')
    .option('--json', 'print the profile as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        Options & { profile: string; schedule?: string; none?: boolean }
      >();
      if (!options.none && !options.schedule)
        throw new CliError('--schedule <cron> or --none is required');
      const { client } = await connect(options, io.env);
      const profile = await client.syncProfiles.update.mutate({
        id: options.profile,
        schedule: options.none ? null : (options.schedule ?? null),
      });
      if (options.json) return printJson(io.stdout, profile);
      await writeOut(
        io.stdout,
        `sync profile ${profile.id}: schedule ${profile.schedule ?? 'none'}\n`,
      );
    });

  program
    .command('syncs')
    .description('object syncs run by the worker')
    .command('start')
    .description("queue a sync of a profile now (the team's workers run it)")
    .requiredOption('--profile <id>', 'the sync profile')
    .option('--wait', 'follow the run to its end; exit non-zero when it failed')
    .option('--json', 'print the sync run as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<Options & { profile: string }>();
      const { client } = await connect(options, io.env);
      const started = await client.syncs.start.mutate({ profileId: options.profile });
      const run = options.wait ? await waitForRun(client, started.run.id, io) : started.run;
      await report(io, options, 'sync run', run, run.reason);
    });

  const backups = program.command('backups').description('backups run by the worker');
  backups
    .command('start')
    .description('queue a backup of a folder into a target folder (tar.gz + sha256 manifest)')
    .requiredOption('--app <did>', "the app's DID")
    .requiredOption('--source <dir>', 'absolute folder to back up')
    .requiredOption('--target <dir>', 'absolute folder for the archive')
    .option('--wait', 'follow the backup to its end; exit non-zero when it failed')
    .option('--json', 'print the backup as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        Options & { app: string; source: string; target: string }
      >();
      const { client } = await connect(options, io.env);
      const started = await client.backups.start.mutate({
        appDid: options.app,
        source: options.source,
        target: options.target,
      });
      const backup = options.wait
        ? await waitForBackup(client, started.backup.id, io)
        : started.backup;
      await report(
        io,
        options,
        'backup',
        backup,
        backup.status === 'succeeded' ? null : backup.message,
      );
    });
  backups
    .command('restore')
    .description('queue a restore of a finished backup into a new or empty folder')
    .requiredOption('--backup <id>', 'the backup')
    .requiredOption('--into <dir>', 'absolute folder to restore into')
    .option('--wait', 'follow the restore to its end; exit non-zero when it failed')
    .option('--json', 'print the restore (an app-restore sync run) as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<Options & { backup: string; into: string }>();
      const { client } = await connect(options, io.env);
      const started = await client.backups.restore.mutate({
        backupId: options.backup,
        into: options.into,
      });
      const run = options.wait ? await waitForRun(client, started.run.id, io) : started.run;
      await report(io, options, 'restore', run, run.reason);
    });
}
