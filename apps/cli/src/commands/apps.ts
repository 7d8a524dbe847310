import type { Command } from 'commander';

import type { App } from '@opsledger/domain';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';
import { proveAppWallet } from '../wallet/app-wallet-proof';
import { addListCommand } from './list-command';

/** Whether the team proved it holds the app's wallet, or lost the DID to a team that did. */
function proofState(app: App): string {
  if (app.releasedAt !== null) return 'released';
  return app.provenAt === null ? 'none' : 'proven';
}

export function registerAppCommands(program: Command, io: CliIo): void {
  const apps = program.command('apps').description("manage the team's apps");

  apps
    .command('create')
    .description('register an app (a blocklet or website) by its DID')
    .requiredOption('--did <did>', 'the app DID, e.g. z8iZ... or did:abt:z8iZ...')
    .requiredOption('--name <name>', 'display name')
    .option(
      '--wallet-secret-file <file>',
      "file holding the app wallet's secret key (hex): proves the DID is yours",
    )
    .option('--description <text>', 'what the app is')
    .option('--uuid <uuid>', 'the website UUID older clients know it by')
    .option('--json', 'print the app as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & {
          did: string;
          name: string;
          description?: string;
          uuid?: string;
          walletSecretFile?: string;
          json?: boolean;
        }
      >();
      const { client } = await connect(options, io.env);
      const proof = await proveAppWallet(client, options.did, options.walletSecretFile);
      const app = await client.apps.create.mutate({
        did: options.did,
        name: options.name,
        description: options.description,
        uuid: options.uuid,
        proof,
      });
      if (options.json) return printJson(io.stdout, app);
      await writeOut(io.stdout, `created app ${app.name} (${app.did}, uuid ${app.uuid})\n`);
    });

  addListCommand(apps, io, {
    description: "list the team's apps",
    list: (client) => client.apps.list.query(),
    columns: ['DID', 'NAME', 'UUID', 'CREATED', 'PROOF'],
    row: (app) => [app.did, app.name, app.uuid, app.createdAt, proofState(app)],
  });
}
