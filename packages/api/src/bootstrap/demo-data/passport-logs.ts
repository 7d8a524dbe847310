import type { PassportLogInput } from '@opsledger/domain';

import { demoKey, type DemoContext } from './demo-context';
import { documentationIp } from './people';

const PASSPORTS = [
  { title: 'Owner', role: 'owner' },
  { title: 'Admin', role: 'admin' },
  { title: 'Member', role: 'member' },
  { title: 'Guest', role: 'guest' },
] as const;

/**
 * Passports of the Team Portal: each issued by an admin, then used to sign in now and then;
 * some are renewed, a few revoked, one runs out.
 */
export async function seedPassportLogs(ctx: DemoContext): Promise<number> {
  const { random } = ctx;
  const portal = ctx.apps[0] ?? random.pick(ctx.apps);
  const issuers = ctx.people.filter((p) => p.role === 'owner' || p.role === 'admin');
  const items: PassportLogInput[] = [];
  const add = (entry: Omit<PassportLogInput, 'idempotencyKey'>) =>
    items.push({ ...entry, idempotencyKey: demoKey('passport', items.length) });

  for (let n = 0; n < 14; n++) {
    const holder = ctx.people[n % ctx.people.length] ?? random.pick(ctx.people);
    const kind = holder.role === 'owner' ? PASSPORTS[0] : random.pick(PASSPORTS.slice(1));
    const issuer = random.pick(issuers);
    const passportId = random.uuid();
    const metadata = {
      appDid: portal.did,
      role: kind.role,
      title: `${portal.name} ${kind.title}`,
      holderDid: holder.did,
    };
    let at = ctx.time.onDay(random.int(20, 59));
    add({
      passportId,
      action: 'issued',
      operatorDid: issuer.did,
      operatorIp: issuer.ip,
      operatorUa: issuer.ua,
      metadata: { ...metadata, issuer: issuer.fullName },
      occurredAt: at.toISOString(),
    });
    const uses = random.int(1, 8);
    for (let u = 0; u < uses; u++) {
      at = ctx.time.after(at, random.int(60, 2 * 24 * 60));
      add({
        passportId,
        action: 'used',
        operatorDid: holder.did,
        operatorIp: random.chance(0.9) ? holder.ip : documentationIp(random),
        operatorUa: holder.ua,
        metadata: { ...metadata, purpose: random.pick(['login', 'login', 'switch-profile']) },
        occurredAt: at.toISOString(),
      });
    }
    const ending = random.weighted([
      ['none', 8],
      ['renewed', 3],
      ['revoked', 2],
      ['expired', 1],
    ] as const);
    if (ending === 'none') continue;
    at = ctx.time.after(at, random.int(60, 3 * 24 * 60));
    add({
      passportId,
      action: ending,
      ...(ending === 'expired'
        ? {}
        : { operatorDid: issuer.did, operatorIp: issuer.ip, operatorUa: issuer.ua }),
      metadata:
        ending === 'revoked'
          ? { ...metadata, reason: random.pick(['left the team', 'lost device', 'role changed']) }
          : metadata,
      occurredAt: at.toISOString(),
    });
  }
  const result = await ctx.api.passportLogs.recordBatch({ items });
  return result.inserted;
}
