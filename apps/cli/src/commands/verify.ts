import type { Command } from 'commander';

import { describeReport, type VerifyReport } from '../chain/verify-report';
import { CliError } from '../cli-error';
import type { ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';

// Each way of verifying is imported when it runs: the offline one needs neither the API client
// nor the schemas, and loading them would be most of a bundle check's time.
const verifyOffline = async (bundle: string, keys: string | undefined): Promise<VerifyReport> =>
  (await import('../chain/verify-bundle')).verifyBundle(bundle, keys);
const verifyOnline = async (options: ConnectionOptions, io: CliIo): Promise<VerifyReport> =>
  (await import('../chain/verify-through-api')).verifyThroughApi(options, io);

export function registerVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .argument('[bundle]', 'an export bundle to verify offline (no server, no database)')
    .description(
      "check a team's hash chain and signed checkpoints: through the API (--team), or a bundle " +
        'file offline; exit 0 only when every event and checkpoint holds',
    )
    .option(
      '--keys <file>',
      'bundle: trust only these keys (saved from /api/.well-known/opsledger-keys)',
    )
    .option('--json', 'print the report as JSON')
    .action(async (bundle: string | undefined, _options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { keys?: string; json?: boolean }
      >();
      if (bundle === undefined && options.keys) throw new CliError('--keys: only with a bundle');
      const report = bundle
        ? await verifyOffline(bundle, options.keys)
        : await verifyOnline(options, io);
      if (options.json) await printJson(io.stdout, report);
      else await writeOut(io.stdout, describeReport(report));
      if (!report.ok) throw new CliError(`verification failed at seq ${report.firstBadSeq}`);
    });
}
