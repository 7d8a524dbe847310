import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import {
  ClaimJobInput,
  CompleteJobInput,
  FailJobInput,
  JOB_KINDS,
  JobKind,
  JobLease,
} from '@opsledger/domain';

import { claimJob } from '../services/jobs/claim-job';
import { getJob } from '../services/jobs/get-job';
import { completeJob, failJob, heartbeatJob } from '../services/jobs/lease-job';
import { readProcedure, writeProcedure } from '../trpc';

const GetJobInput = z.object({ id: z.uuid(), kind: JobKind.optional() });

/** The worker's side of the queue: claim (long poll), heartbeat, complete, fail. */
export const jobsRouter = {
  claim: writeProcedure.input(ClaimJobInput).mutation(claimJob),
  heartbeat: writeProcedure.input(JobLease).mutation(heartbeatJob),
  complete: writeProcedure.input(CompleteJobInput).mutation(completeJob),
  fail: writeProcedure.input(FailJobInput).mutation(failJob),
  get: readProcedure
    .input(GetJobInput)
    .query(({ ctx, input }) =>
      getJob({ ctx, input, kinds: input.kind ? [input.kind] : Object.values(JOB_KINDS) }),
    ),
} satisfies TRPCRouterRecord;
