import { Option, type Command } from 'commander';

import { IMPORTABLE_STREAMS, type ImportableStreamName } from '@opsledger/domain';

import { CliError } from '../cli-error';
import { connect, type ConnectionOptions } from '../connection/connect';
import { importStream } from '../import/import-streams';
import { openInput, readLines } from '../import/read-lines';
import { runImport, type ImportCounts } from '../import/run-import';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';

export function registerImportCommand(program: Command, io: CliIo): void {
  program
    .command('import')
    .description(
      'record NDJSON lines (each in the input shape of the stream) in batches of up to 1000; ' +
        'prints {read, inserted, duplicates, rejected}',
    )
    .addOption(
      new Option('--stream <stream>', 'what the lines are')
        .choices(IMPORTABLE_STREAMS)
        .makeOptionMandatory(),
    )
    .argument('[file]', 'NDJSON file; - or none reads standard input')
    .action(async (file: string | undefined, _options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { stream: ImportableStreamName }
      >();
      const input = await openInput(file, io.stdin);
      const { client } = await connect(options, io.env);
      const stream = importStream(options.stream);
      const report = (message: string) => writeOut(io.stderr, `${message}\n`);
      if (!stream.keyed) {
        await report(
          `note: ${options.stream} lines carry no idempotency key; importing a file twice counts it twice`,
        );
      }
      const counts: ImportCounts = { read: 0, inserted: 0, duplicates: 0, rejected: 0 };
      try {
        await runImport({
          client,
          streamName: options.stream,
          stream,
          lines: readLines(input),
          report,
          counts,
        });
      } finally {
        // Also on failure: batches before it were written (and skipped again by a re-run).
        await printJson(io.stdout, counts);
      }
      if (counts.rejected > 0) {
        throw new CliError(`${counts.rejected} lines not written, see the lines named above`);
      }
    });
}
