import type { TRPCRouterRecord } from '@trpc/server';

import { ChainCheckpointsInput, ChainEventsInput, ChainRangeInput } from '@opsledger/domain';

import {
  chainCheckpointList,
  chainEvents,
  chainRange,
  chainState,
} from '../services/chain/read-chain';
import { listSigningKeys } from '../services/chain/signing-keys-table';
import { publicProcedure, readProcedure } from '../trpc';

/** The team's hash chain as verify and export read it (docs/architecture.md, "Trust"). */
export const chainRouter = {
  state: readProcedure.query(chainState),
  events: readProcedure.input(ChainEventsInput).query(chainEvents),
  checkpoints: readProcedure.input(ChainCheckpointsInput).query(chainCheckpointList),
  range: readProcedure.input(ChainRangeInput).query(chainRange),
  /** The deployment's public keys, as `GET /api/.well-known/opsledger-keys` serves them. */
  keys: publicProcedure.query(({ ctx }) => listSigningKeys(ctx.database)),
} satisfies TRPCRouterRecord;
