import { Option, type Command } from 'commander';

import { ACCESS_KEY_ALGS, ROLES, type AccessKeyAlg, type Role } from '@opsledger/domain';

import { connect, type ConnectionOptions } from '../connection/connect';
import type { CliIo } from '../io';
import { printJson, writeOut } from '../output/write-out';
import { addListCommand } from './list-command';
import { addRevokeCommand } from './revoke-command';

/** Blocklet Server access keys: what `client.setAuthAccessKey(...)` of @blocklet/server-js takes. */
export function registerAccessKeyCommands(program: Command, io: CliIo): void {
  const accessKeys = program
    .command('access-keys')
    .description("manage the team's Blocklet Server access keys");

  accessKeys
    .command('create')
    .description('create an access key; its secret is shown this once')
    .addOption(
      new Option('--alg <alg>', 'how the client proves the key (default: wallet)').choices(
        ACCESS_KEY_ALGS,
      ),
    )
    .addOption(new Option('--role <role>', 'what the key may do (default: viewer)').choices(ROLES))
    .option('--name <name>', 'a label to recognise the key by')
    .option(
      '--json',
      'print {"accessKeyId","accessKeySecret"} (and "type" for sha256/totp keys) only: the argument of setAuthAccessKey',
    )
    .action(async (_options, command: Command) => {
      const options = command.optsWithGlobals<
        ConnectionOptions & { alg?: AccessKeyAlg; role?: Role; name?: string; json?: boolean }
      >();
      const { client } = await connect(options, io.env);
      const created = await client.accessKeys.create.mutate({
        alg: options.alg,
        role: options.role,
        name: options.name,
      });
      // Exactly what setAuthAccessKey takes: a wallet key must come without a `type`.
      const forClient = {
        accessKeyId: created.accessKeyId,
        accessKeySecret: created.accessKeySecret,
        ...(created.type === undefined ? {} : { type: created.type }),
      };
      if (options.json) return printJson(io.stdout, forClient);
      await writeOut(
        io.stdout,
        `created ${created.role} ${created.alg} access key ${created.accessKeyId}\n` +
          `secret (shown once): ${created.accessKeySecret}\n` +
          `use: client.setAuthAccessKey(${JSON.stringify(forClient)})\n`,
      );
    });

  addListCommand(accessKeys, io, {
    description: "list the team's access keys (secrets are never shown again)",
    list: (client) => client.accessKeys.list.query(),
    columns: ['ID', 'ALG', 'ROLE', 'NAME', 'CREATED', 'LAST USED', 'REVOKED'],
    row: (key) => [
      key.id,
      key.alg,
      key.role,
      key.name,
      key.createdAt,
      key.lastUsedAt,
      key.revokedAt,
    ],
  });

  addRevokeCommand(accessKeys, io, {
    description: 'revoke an access key; requests signed with it fail from now on',
    argument: ['<id>', 'the access key id (see access-keys list)'],
    json: 'print the revoked key as JSON',
    revoke: (client, id) => client.accessKeys.revoke.mutate({ id }),
    done: (revoked) => `revoked ${revoked.role} ${revoked.alg} access key ${revoked.id}`,
  });
}
