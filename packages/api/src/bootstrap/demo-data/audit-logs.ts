import type { AuditLogInput } from '@opsledger/domain';

import { demoKey, type DemoContext } from './demo-context';
import { documentationIp, type DemoPerson } from './people';

type Entry = Pick<AuditLogInput, 'category' | 'action' | 'content' | 'componentDid'>;

interface Template {
  weight: number;
  /** Who may do it; anyone when absent. */
  roles?: readonly DemoPerson['role'][];
  make(actor: DemoPerson, ctx: DemoContext, appName: string): Entry;
}

const ADMINS = ['owner', 'admin'] as const;
const SIGN_IN_METHOD: Record<string, string> = {
  wallet: 'DID Wallet',
  passkey: 'a passkey',
  email: 'an email magic link',
  github: 'GitHub',
};
const SETTINGS = ['APP_NAME', 'APP_LOGO', 'SMTP_HOST', 'MAX_UPLOAD_SIZE', 'SESSION_TTL', 'LOCALE'];
const VERSIONS = ['1.14.2', '1.15.0', '1.15.1', '1.16.0', '1.16.3'];

const TEMPLATES: readonly Template[] = [
  {
    weight: 40,
    make: (actor) => ({
      category: 'security',
      action: 'login',
      content: `${actor.fullName} logged in with ${SIGN_IN_METHOD[actor.source] ?? actor.source}`,
    }),
  },
  {
    weight: 8,
    make: (actor) => ({
      category: 'security',
      action: 'logout',
      content: `${actor.fullName} logged out`,
    }),
  },
  {
    weight: 5,
    make: (actor) => ({
      category: 'security',
      action: 'switchPassport',
      content: `${actor.fullName} switched to the ${actor.role} passport`,
    }),
  },
  {
    weight: 15,
    roles: ADMINS,
    make: (actor, ctx, appName) => ({
      category: 'blocklets',
      action: 'configBlocklet',
      content: `${actor.fullName} changed ${ctx.random.pick(SETTINGS)} of ${appName}`,
    }),
  },
  {
    weight: 4,
    roles: ADMINS,
    make: (actor, ctx, appName) => {
      const at = ctx.random.int(1, VERSIONS.length - 1);
      return {
        category: 'blocklets',
        action: 'upgradeBlocklet',
        content: `${actor.fullName} upgraded ${appName} from ${VERSIONS[at - 1]} to ${VERSIONS[at]}`,
        componentDid: `z2qa${ctx.random.base58(33)}`,
      };
    },
  },
  {
    weight: 4,
    roles: ADMINS,
    make: (actor, _ctx, appName) => ({
      category: 'blocklets',
      action: 'restartBlocklet',
      content: `${actor.fullName} restarted ${appName}`,
    }),
  },
  {
    weight: 6,
    roles: ADMINS,
    make: (actor, ctx) => ({
      category: 'team',
      action: 'createMemberInvitation',
      content: `${actor.fullName} invited ${ctx.random.pick(['jun', 'lena', 'omar', 'priya', 'sam'])}.${ctx.random.int(1, 99)}@example.com as ${ctx.random.pick(['member', 'member', 'admin', 'guest'])}`,
    }),
  },
  {
    weight: 3,
    roles: ['owner'],
    make: (actor, ctx) => {
      const member = ctx.random.pick(ctx.people.filter((p) => p.did !== actor.did));
      return {
        category: 'team',
        action: 'updateUserRole',
        content: `${actor.fullName} changed the role of ${member.fullName} to ${ctx.random.pick(['admin', 'member'])}`,
      };
    },
  },
  {
    weight: 3,
    roles: ADMINS,
    make: (actor, ctx) => ({
      category: 'security',
      action: 'createAccessKey',
      content: `${actor.fullName} created access key ak_${ctx.random.hex(6)} for CI deploys`,
    }),
  },
  {
    weight: 1,
    roles: ADMINS,
    make: (actor, ctx) => ({
      category: 'security',
      action: 'deleteAccessKey',
      content: `${actor.fullName} deleted access key ak_${ctx.random.hex(6)}`,
    }),
  },
  {
    weight: 2,
    roles: ADMINS,
    make: (actor, ctx, appName) => ({
      category: 'gateway',
      action: 'addDomainAlias',
      content: `${actor.fullName} added the domain ${ctx.random.pick(['docs', 'shop', 'team', 'www'])}.example.com to ${appName}`,
    }),
  },
  {
    weight: 3,
    roles: ADMINS,
    make: (actor, _ctx, appName) => ({
      category: 'integrations',
      action: 'backupToSpaces',
      content: `${actor.fullName} backed up ${appName} to DID Spaces`,
    }),
  },
];

export const AUDIT_LOG_COUNT = 320;

/** Two months of sign-ins, configuration changes, invitations and key management. */
export async function seedAuditLogs(ctx: DemoContext): Promise<number> {
  const items: AuditLogInput[] = ctx.time.spread(AUDIT_LOG_COUNT, 60).map((at, index) => {
    const template = ctx.random.weighted(TEMPLATES.map((t) => [t, t.weight] as const));
    const allowed = template.roles;
    const actors = allowed ? ctx.people.filter((p) => allowed.includes(p.role)) : ctx.people;
    const actor = ctx.random.pick(actors);
    const app = ctx.random.pick(ctx.apps);
    return {
      ...template.make(actor, ctx, app.name),
      scope: app.did,
      actor: {
        did: actor.did,
        role: actor.role,
        fullName: actor.fullName,
        avatar: actor.avatar,
        source: actor.source,
      },
      env: actor.env,
      // Mostly from the usual desk, now and then from somewhere else.
      ip: ctx.random.chance(0.85) ? actor.ip : documentationIp(ctx.random),
      ua: actor.ua,
      occurredAt: at.toISOString(),
      idempotencyKey: demoKey('audit', index),
    };
  });
  const result = await ctx.api.auditLogs.recordBatch({ items });
  return result.inserted;
}
