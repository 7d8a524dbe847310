import { Option, type Command } from 'commander';

import { ROLES, type Role } from '@opsledger/domain';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, printTable, writeOut } from '../output/write-out';

/** Users of the HBlock event API (`Authorization: HBlock <userName>:<signature>`). */
export function registerHBlockUserCommands(program: Command, io: CliIo): void {
  const users = program
    .command('hblock-users')
    .description("manage the team's HBlock users (for GET /rest/v1/system/event)");

  users
    .command('create')
    .description('create an HBlock user; its secret is shown this once')
    .requiredOption('--name <userName>', 'the user name HBlock clients send (unique everywhere)')
    .addOption(new Option('--role <role>', 'what the user may do').choices(ROLES).default('viewer'))
    .option('--json', 'print {"userName","secret"} only')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { name: string; role: Role; json?: boolean }
      >();
      const { client } = await connect(options, io.env);
      const created = await client.hblockUsers.create.mutate({
        name: options.name,
        role: options.role,
      });
      if (options.json) {
        return printJson(io.stdout, { userName: created.userName, secret: created.secret });
      }
      await writeOut(
        io.stdout,
        `created ${created.role} HBlock user ${created.userName}\nsecret (shown once): ${created.secret}\n`,
      );
    });

  users
    .command('list')
    .description("list the team's HBlock users (secrets are never shown again)")
    .option('--json', 'print JSON')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<ConnectionOptions & { json?: boolean }>();
      const { client } = await connect(options, io.env);
      const list = await client.hblockUsers.list.query();
      if (options.json) return printJson(io.stdout, list);
      await printTable(
        io.stdout,
        ['USER NAME', 'ROLE', 'CREATED', 'LAST USED', 'REVOKED'],
        list.map((user) => [
          user.userName,
          user.role,
          user.createdAt,
          user.lastUsedAt,
          user.revokedAt,
        ]),
      );
    });

  users
    .command('revoke')
    .description('revoke an HBlock user; its signatures fail from now on')
    .argument('<userName>', 'the user name (see hblock-users list)')
    .option('--json', 'print the revoked user as JSON')
    .action(async (userName: string, _options, command: Command) => {
      const options = command.optsWithGlobals<ConnectionOptions & { json?: boolean }>();
      const { client } = await connect(options, io.env);
      const revoked = await client.hblockUsers.revoke.mutate({ name: userName });
      if (options.json) return printJson(io.stdout, revoked);
      await writeOut(io.stdout, `revoked HBlock user ${revoked.userName}\n`);
    });
}
