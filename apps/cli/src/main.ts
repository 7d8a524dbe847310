import { cliEnv } from './env';
import { runCli } from './run-cli';

// A closed pipe (`pnpm opsledger export ... | head`) ends the output, not in a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: cliEnv(),
});
