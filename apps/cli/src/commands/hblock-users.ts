import { Option, type Command } from 'commander';

import { ROLES, type Role } from '@opsledger/domain';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';
import { addListCommand } from './list-command';
import { addRevokeCommand } from './revoke-command';

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

  addListCommand(users, io, {
    description: "list the team's HBlock users (secrets are never shown again)",
    list: (client) => client.hblockUsers.list.query(),
    columns: ['USER NAME', 'ROLE', 'CREATED', 'LAST USED', 'REVOKED'],
    row: (user) => [user.userName, user.role, user.createdAt, user.lastUsedAt, user.revokedAt],
  });

  addRevokeCommand(users, io, {
    description: 'revoke an HBlock user; its signatures fail from now on',
    argument: ['<userName>', 'the user name (see hblock-users list)'],
    json: 'print the revoked user as JSON',
    revoke: (client, name) => client.hblockUsers.revoke.mutate({ name }),
    done: (revoked) => `revoked HBlock user ${revoked.userName}`,
  });
}
