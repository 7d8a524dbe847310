import { Option, type Command } from 'commander';

import { ROLES, type Role } from '@opsledger/domain';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';
import { addListCommand } from './list-command';
import { addRevokeCommand } from './revoke-command';

export function registerKeyCommands(program: Command, io: CliIo): void {
  const keys = program.command('keys').description("manage the team's API keys");

  keys
    .command('create')
    .description('create an API key; its secret is shown this once')
    .addOption(
      new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory(),
    )
    .option('--name <name>', 'a label to recognise the key by')
    .option('--json', 'print {"id","secret"} only')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { role: Role; name?: string; json?: boolean }
      >();
      const { client } = await connect(options, io.env);
      const created = await client.apiKeys.create.mutate({
        role: options.role,
        name: options.name,
      });
      if (options.json) return printJson(io.stdout, { id: created.id, secret: created.secret });
      await writeOut(
        io.stdout,
        `created ${created.role} key ${created.id}\nsecret (shown once): ${created.secret}\n`,
      );
    });

  addListCommand(keys, io, {
    description: "list the team's keys (secrets are never shown again)",
    list: (client) => client.apiKeys.list.query(),
    columns: ['ID', 'ROLE', 'NAME', 'PREFIX', 'CREATED', 'LAST USED', 'REVOKED'],
    row: (key) => [
      key.id,
      key.role,
      key.name,
      key.prefix,
      key.createdAt,
      key.lastUsedAt,
      key.revokedAt,
    ],
  });

  addRevokeCommand(keys, io, {
    description: 'revoke a key; calls with it fail from now on',
    argument: ['<id>', 'the key id (see keys list)'],
    json: 'print the revoked key as JSON',
    revoke: (client, id) => client.apiKeys.revoke.mutate({ id }),
    done: (revoked) => `revoked ${revoked.role} key ${revoked.id}`,
  });
}
