import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

import type { AppRouter } from '@opsledger/api';

export {
  createOpsLedgerClient,
  type OpsLedgerClient,
  type OpsLedgerClientOptions,
  type RetryOptions,
} from './create-client';
export { fillIdempotencyKeys, isIdempotentPath } from './links/idempotency-keys';
export {
  TransientResponseError,
  classifyFailure,
  networkFailureDetail,
} from './links/transient-failure';
export { TRPCClientError, isTRPCClientError } from '@trpc/client';
export type { AppRouter };

/** Inputs of every procedure, e.g. `RouterInputs['auditLogs']['recordBatch']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Outputs of every procedure, e.g. `RouterOutputs['backups']['list']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
