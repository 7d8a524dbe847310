import { Option, type Command } from 'commander';

import { ROLES, type Role } from '@opsledger/domain';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';
import { addListCommand } from './list-command';

/** The people who sign in to the team's portal pages, and their roles (owners and admins). */
export function registerMemberCommands(program: Command, io: CliIo): void {
  const members = program
    .command('members')
    .description('manage the people who sign in to the portal for the team');

  members
    .command('add')
    .description('add a person with a role; someone new gets an initial password, shown this once')
    .requiredOption('--email <email>', 'the address they sign in with')
    .addOption(
      new Option('--role <role>', 'what they may do in the team')
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .option('--json', 'print {"email","password"} only (password null: they already sign in)')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { email: string; role: Role; json?: boolean }
      >();
      const { client, url } = await connect(options, io.env);
      const added = await client.members.add.mutate({ email: options.email, role: options.role });
      if (options.json) {
        return printJson(io.stdout, { email: added.email, password: added.password });
      }
      const signIn = added.password
        ? `initial password (shown once): ${added.password}\n`
        : 'they already sign in to OpsLedger with their own password\n';
      await writeOut(
        io.stdout,
        `added ${added.email} as ${added.role}\n${signIn}sign in at ${url}/sign-in\n`,
      );
    });

  members
    .command('reset-password')
    .description(
      'give a member who forgot their password a new one, shown this once; their sessions end',
    )
    .requiredOption('--email <email>', 'the address they sign in with')
    .option('--json', 'print {"email","password"} only')
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { email: string; json?: boolean }
      >();
      const { client, url } = await connect(options, io.env);
      const reset = await client.members.resetPassword.mutate({ email: options.email });
      if (options.json) {
        return printJson(io.stdout, { email: reset.email, password: reset.password });
      }
      await writeOut(
        io.stdout,
        `reset the password of ${reset.email}; their sessions have ended\n` +
          `new password (shown once): ${reset.password}\nsign in at ${url}/sign-in\n`,
      );
    });

  addListCommand(members, io, {
    description: "list the team's members and their roles",
    list: (client) => client.members.list.query(),
    columns: ['EMAIL', 'ROLE', 'USER ID', 'ADDED'],
    row: (member) => [member.email, member.role, member.userId, member.createdAt],
  });
}
