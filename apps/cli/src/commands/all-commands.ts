import type { Command } from 'commander';

import type { CliIo } from '../io';
import { registerAccessKeyCommands } from './access-keys';
import { registerAccessLogCommands } from './access-logs';
import { registerAppCommands } from './apps';
import { registerBackupPlanCommands } from './backup-plans';
import { registerExportCommand } from './export';
import { registerHBlockUserCommands } from './hblock-users';
import { registerImportCommand } from './import';
import { registerKeyCommands } from './keys';
import { registerMemberCommands } from './members';
import { registerRetentionCommands } from './retention';
import { registerTeamCommands } from './teams';
import { registerVerifyCommand } from './verify';
import { registerWorkerJobCommands } from './worker-jobs';

/** Every command, in the order `opsledger --help` lists them. */
export function registerAllCommands(program: Command, io: CliIo): void {
  registerKeyCommands(program, io);
  registerAccessKeyCommands(program, io);
  registerTeamCommands(program, io);
  registerMemberCommands(program, io);
  registerAppCommands(program, io);
  registerImportCommand(program, io);
  registerExportCommand(program, io);
  registerVerifyCommand(program, io);
  registerHBlockUserCommands(program, io);
  registerRetentionCommands(program, io);
  registerAccessLogCommands(program, io);
  registerWorkerJobCommands(program, io);
  registerBackupPlanCommands(program, io);
}
