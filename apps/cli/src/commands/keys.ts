import { Option, type Command } from 'commander';

import { ROLES, type Role } from '@opsledger/domain';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, printTable, writeOut } from '../output/write-out';

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

  keys
    .command('list')
    .description("list the team's keys (secrets are never shown again)")
    .option('--json', 'print JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<ConnectionOptions & { json?: boolean }>();
      const { client } = await connect(options, io.env);
      const list = await client.apiKeys.list.query();
      if (options.json) return printJson(io.stdout, list);
      await printTable(
        io.stdout,
        ['ID', 'ROLE', 'NAME', 'PREFIX', 'CREATED', 'LAST USED', 'REVOKED'],
        list.map((key) => [
          key.id,
          key.role,
          key.name,
          key.prefix,
          key.createdAt,
          key.lastUsedAt,
          key.revokedAt,
        ]),
      );
    });

  keys
    .command('revoke')
    .description('revoke a key; calls with it fail from now on')
    .argument('<id>', 'the key id (see keys list)')
    .option('--json', 'print the revoked key as JSON')
    .action(async (id: string, _options, command: Command) => {
      const options = command.optsWithGlobals<ConnectionOptions & { json?: boolean }>();
      const { client } = await connect(options, io.env);
      const revoked = await client.apiKeys.revoke.mutate({ id });
      if (options.json) return printJson(io.stdout, revoked);
      await writeOut(io.stdout, `revoked ${revoked.role} key ${revoked.id}\n`);
    });
}
