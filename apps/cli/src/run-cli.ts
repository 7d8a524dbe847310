import { Command, CommanderError } from 'commander';
import type { Logger } from 'pino';

import { describeFailure } from './cli-error';
import { registerAccessKeyCommands } from './commands/access-keys';
import { registerAccessLogCommands } from './commands/access-logs';
import { registerAppCommands } from './commands/apps';
import { registerBackupPlanCommands } from './commands/backup-plans';
import { registerExportCommand } from './commands/export';
import { registerHBlockUserCommands } from './commands/hblock-users';
import { registerImportCommand } from './commands/import';
import { registerKeyCommands } from './commands/keys';
import { registerMemberCommands } from './commands/members';
import { registerRetentionCommands } from './commands/retention';
import { registerTeamCommands } from './commands/teams';
import { registerVerifyCommand } from './commands/verify';
import { registerWorkerJobCommands } from './commands/worker-jobs';
import { createDiagnostics } from './diagnostics';
import type { CliIo } from './io';

function buildProgram(io: CliIo): Command {
  const program = new Command('opsledger')
    .description(
      'Administer OpsLedger over its API. Credentials come from $OPSLEDGER_DATA_DIR/credentials.json ' +
        '(written by the first start) unless --url/--key or OPSLEDGER_URL/OPSLEDGER_KEY say otherwise.',
    )
    .option('--url <url>', 'where OpsLedger runs, e.g. http://localhost:3000')
    .option('--key <secret>', 'API key to use (its team is the one acted on)')
    .option('--team <slug>', "use this team's key from credentials.json, checked against the API")
    // Errors become exit codes here rather than process.exit, so a run can happen in-process.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)');
  registerKeyCommands(program, io);
  registerAccessKeyCommands(program, io);
  registerTeamCommands(program, io);
  registerMemberCommands(program, io);
  registerAppCommands(program, io);
  registerImportCommand(program, io);
  registerExportCommand(program, io);
  registerVerifyCommand(program, io);
  registerHBlockUserCommands(program, io);
  registerRetentionCommands(program, io);
  registerAccessLogCommands(program, io);
  registerWorkerJobCommands(program, io);
  registerBackupPlanCommands(program, io);
  return program;
}

/** Runs one command line (without the node and script arguments) and gives its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let diagnostics: Logger | null = null;
  try {
    diagnostics = createDiagnostics(io);
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its own usage errors and help.
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr.write(`opsledger: ${describeFailure(error)}\n`);
    // The command's name only: the rest of the line may hold a key.
    diagnostics?.debug({ err: error, command: argv[0] }, 'command failed');
    return 1;
  }
}
