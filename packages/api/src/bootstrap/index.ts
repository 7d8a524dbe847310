export { startOpsLedger, type OpsLedger, type StartOptions, type StartStatus } from './start';
export { bootstrapTeam, type BootstrapReport } from './bootstrap-team';
export type { CredentialsStore } from './team-credentials';
export type { DemoDataReport } from './demo-data/seed-demo-data';
export { DEFAULT_WRITE_LIMITS, type WriteLimits } from '../services/write-limits';
export type { DatabaseHealth } from './database-health';
export type { WorkerKeyStore } from './worker-credentials';
export type { JobQueueOptions } from '../jobs/job-queue';
