import type { Command } from 'commander';

import { credentialsPath, storeTeamKey } from '@opsledger/client/credentials';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';

export function registerTeamCommands(program: Command, io: CliIo): void {
  const teams = program.command('teams').description('manage teams');

  teams
    .command('create')
    .description('create a team (needs an owner key); its owner key goes into credentials.json')
    .requiredOption('--slug <slug>', 'short name: lowercase letters, digits, dashes')
    .requiredOption('--name <name>', 'display name')
    .option('--json', 'print the new team and its owner key as JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { slug: string; name: string; json?: boolean }
      >();
      const { client, url, dataDir } = await connect(options, io.env);
      const created = await client.teams.create.mutate({ slug: options.slug, name: options.name });
      await storeTeamKey(dataDir, { url, team: created.team.slug, key: created.ownerKey.secret });
      if (options.json) return printJson(io.stdout, created);
      await writeOut(
        io.stdout,
        `created team ${created.team.slug} (${created.team.name}); its owner key is in ` +
          `${credentialsPath(dataDir)}: use --team ${created.team.slug}\n`,
      );
    });
}
