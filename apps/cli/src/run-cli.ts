import { Command, CommanderError } from 'commander';
import type { Logger } from 'pino';

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
  return program;
}

/**
 * Adds the commands. `verify` alone loads only itself: an offline bundle check then starts
 * without the API client, the wallet code and the schemas, which are most of the CLI's load.
 */
async function addCommands(program: Command, io: CliIo, argv: readonly string[]) {
  if (argv[0] === 'verify') {
    (await import('./commands/verify')).registerVerifyCommand(program, io);
  } else {
    (await import('./commands/all-commands')).registerAllCommands(program, io);
  }
}

/** Runs one command line (without the node and script arguments) and gives its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let diagnostics: Logger | null = null;
  try {
    diagnostics = (await import('./diagnostics')).createDiagnostics(io);
    const program = buildProgram(io);
    await addCommands(program, io, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its own usage errors and help.
    if (error instanceof CommanderError) return error.exitCode;
    const { describeFailure } = await import('./describe-failure');
    io.stderr.write(`opsledger: ${describeFailure(error)}\n`);
    // The command's name only: the rest of the line may hold a key.
    diagnostics?.debug({ err: error, command: argv[0] }, 'command failed');
    return 1;
  }
}
