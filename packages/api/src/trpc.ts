import { initTRPC, TRPCError } from '@trpc/server';

import { roleAllows, type Permission } from '@opsledger/domain';

import { TEAM_HEADER } from './auth/portal/session-caller';
import type { Context, ServiceContext } from './context';
import { toTRPCError } from './errors';
import { inputIssuesOf } from './input-issues';

const t = initTRPC.context<Context>().create({
  // Live tails (subscriptions over SSE): a ping every 10 s keeps proxies from closing a quiet
  // stream, and a client that hears nothing for 30 s reconnects, resuming after its last seq.
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 30_000 },
  },
  errorFormatter({ shape, error }) {
    // Internal errors were already reduced to a bare message by toTRPCError. An input that
    // failed validation also names each bad field by its path, for a form to mark it.
    return { ...shape, data: { ...shape.data, stack: undefined, issues: inputIssuesOf(error) } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure's errors pass through the one mapping. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

/**
 * The refusal of a request without a team to act in: a wrong key is told apart from none, and
 * a signed-in person who named no team is told to name one.
 */
export const callerRequired = (ctx: Pick<Context, 'presentedCredential' | 'person'>) => {
  if (ctx.person) {
    return new TRPCError({
      code: 'BAD_REQUEST',
      message: `${TEAM_HEADER}: name the team to act in (a slug of one of yours)`,
    });
  }
  return new TRPCError({
    code: 'UNAUTHORIZED',
    message: ctx.presentedCredential
      ? 'the API key is not valid'
      : 'an API key is required (Authorization: Bearer <key>)',
  });
};

/** Procedures of the signed-in person themselves (their teams), whichever team is named. */
export const personProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.person) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in to the portal first' });
  }
  return next({
    ctx: { database: ctx.database, person: ctx.person, personTeams: ctx.personTeams },
  });
});

const requireCaller = t.middleware(({ ctx, next }) => {
  if (!ctx.caller) throw callerRequired(ctx);
  const service: ServiceContext = { database: ctx.database, caller: ctx.caller };
  return next({ ctx: service });
});

function allowing(permission: Permission) {
  return publicProcedure.use(requireCaller).use(({ ctx, next }) => {
    if (!roleAllows(ctx.caller.role, permission)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `a ${ctx.caller.role}${ctx.caller.credential.kind === 'member' ? '' : ' key'} may not ${permission === 'own' ? 'manage the team' : permission}`,
      });
    }
    return next();
  });
}

/** Procedures of an authenticated team (`ctx.caller` is set), by what the role must allow. */
export const readProcedure = allowing('read');
export const writeProcedure = allowing('write');
export const manageProcedure = allowing('manage');
export const ownerProcedure = allowing('own');
