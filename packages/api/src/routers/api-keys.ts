import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { CreateApiKeyInput } from '@opsledger/domain';

import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys/api-keys';
import { manageProcedure } from '../trpc';

export const apiKeysRouter = {
  create: manageProcedure.input(CreateApiKeyInput).mutation(createApiKey),
  list: manageProcedure.query(listApiKeys),
  revoke: manageProcedure.input(z.object({ id: z.uuid() })).mutation(revokeApiKey),
} satisfies TRPCRouterRecord;
