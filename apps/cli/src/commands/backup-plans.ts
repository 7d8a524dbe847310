import type { Command } from 'commander';

import type { BackupPlan } from '@opsledger/domain';

import { CliError } from '../cli-error';
import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';
import { addListCommand } from './list-command';

type Options = ConnectionOptions & { json?: boolean };

const describePlan = (plan: BackupPlan) =>
  `backup plan ${plan.id}: ${plan.schedule}${plan.enabled ? `, next run ${plan.nextRunAt ?? 'none'}` : ', disabled'}\n`;

/** `backup-plans create|list|schedule|delete`: backups the worker makes on a cron of their own. */
export function registerBackupPlanCommands(program: Command, io: CliIo): void {
  const plans = program
    .command('backup-plans')
    .description("an app's backups on a schedule: a source folder archived into a target folder");
  plans
    .command('create')
    .description('create a backup plan of an app')
    .requiredOption('--app <did>', "the app's DID")
    .requiredOption('--source <dir>', 'absolute folder to back up (on the workers’ machines)')
    .requiredOption('--target <dir>', 'absolute folder for the archives')
    .requiredOption('--schedule <cron>', 'five-field cron expression in UTC, e.g. "0 3 * * *"')
    .option('--disabled', 'create it switched off (it keeps its schedule but does not fire)')
    .option('--json', 'print {"id"} as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        Options & {
          app: string;
          source: string;
          target: string;
          schedule: string;
          disabled?: boolean;
        }
      >();
      const { client } = await connect(options, io.env);
      const plan = await client.backupPlans.create.mutate({
        appDid: options.app,
        source: options.source,
        target: options.target,
        schedule: options.schedule,
        enabled: options.disabled !== true,
      });
      if (options.json) return printJson(io.stdout, { id: plan.id });
      await writeOut(io.stdout, `created ${describePlan(plan)}`);
    });
  addListCommand(plans, io, {
    description: "the team's backup plans",
    list: (client) => client.backupPlans.list.query(),
    columns: ['ID', 'APP', 'SOURCE', 'TARGET', 'SCHEDULE', 'NEXT RUN'],
    row: (plan) => [
      plan.id,
      plan.appDid,
      plan.source,
      plan.target,
      plan.schedule,
      plan.enabled ? plan.nextRunAt : 'disabled',
    ],
  });
  plans
    .command('schedule')
    .description("change a plan's schedule, or switch it off or on")
    .requiredOption('--plan <id>', 'the backup plan')
    .option('--schedule <cron>', 'five-field cron expression in UTC')
    .option('--disable', 'stop firing (the schedule is kept)')
    .option('--enable', 'fire again, from now')
    .option('--json', 'print the plan as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        Options & { plan: string; schedule?: string; disable?: boolean; enable?: boolean }
      >();
      if (options.disable && options.enable)
        throw new CliError('give --enable or --disable, not both');
      if (!options.schedule && !options.disable && !options.enable) {
        throw new CliError('--schedule <cron>, --enable or --disable is required');
      }
      const { client } = await connect(options, io.env);
      const plan = await client.backupPlans.schedule.mutate({
        id: options.plan,
        schedule: options.schedule,
        enabled: options.disable ? false : options.enable ? true : undefined,
      });
      if (options.json) return printJson(io.stdout, plan);
      await writeOut(io.stdout, describePlan(plan));
    });
  plans
    .command('delete')
    .description('delete a backup plan (the backups it made stay)')
    .requiredOption('--plan <id>', 'the backup plan')
    .option('--json', 'print {"id"} as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<Options & { plan: string }>();
      const { client } = await connect(options, io.env);
      const deleted = await client.backupPlans.delete.mutate({ id: options.plan });
      if (options.json) return printJson(io.stdout, deleted);
      await writeOut(io.stdout, `deleted backup plan ${deleted.id}\n`);
    });
}
