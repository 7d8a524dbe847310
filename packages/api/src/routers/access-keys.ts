import type { TRPCRouterRecord } from '@trpc/server';

import { AccessKeyRef, CreateAccessKeyInput } from '@opsledger/domain';

import {
  createAccessKey,
  listAccessKeys,
  revokeAccessKey,
} from '../services/access-keys/access-keys';
import { manageProcedure } from '../trpc';

/** Blocklet Server access keys (`client.setAuthAccessKey`), managed like API keys. */
export const accessKeysRouter = {
  create: manageProcedure.input(CreateAccessKeyInput).mutation(createAccessKey),
  list: manageProcedure.query(listAccessKeys),
  revoke: manageProcedure.input(AccessKeyRef).mutation(revokeAccessKey),
} satisfies TRPCRouterRecord;
