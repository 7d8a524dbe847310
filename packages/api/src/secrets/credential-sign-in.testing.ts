import { randomUUID } from 'node:crypto';

import { accessKeys, eq, hblockUsers, type Database } from '@opsledger/db';

import { authenticateAccessKey } from '../auth/access-keys/authenticate-access-key';
import { hotpCode, sha256Code, timeStep } from '../auth/access-keys/time-step-codes';
import { authenticateHBlockRequest } from '../auth/hblock-users/authenticate-hblock-user';
import { hblockSignature, hblockStringToSign } from '../auth/hblock-users/hblock-secret';
import type { TestTeam } from '../testing';

/** A shared-secret credential as its holder knows it. */
export type HeldCredential =
  | { kind: 'sha256' | 'totp'; id: string; secret: string }
  | { kind: 'hblock'; id: string; secret: string };

/** Whether `held` signs in now, the way its client would (the code or the request signature). */
export async function signsIn(database: Database, held: HeldCredential): Promise<boolean> {
  const now = Date.now();
  if (held.kind === 'hblock') {
    const date = new Date(now).toUTCString();
    const target = '/rest/v1/system/event?number=1';
    const signature = hblockSignature(held.secret, hblockStringToSign('GET', date, target));
    const headers = new Headers({ date, authorization: `HBlock ${held.id}:${signature}` });
    const result = await authenticateHBlockRequest(
      database,
      { method: 'GET', headers, target, clientAddress: null },
      now,
    );
    return 'caller' in result;
  }
  const code = held.kind === 'sha256' ? sha256Code : hotpCode;
  const signature = code(held.secret, timeStep(now));
  const caller = await authenticateAccessKey(database, { alg: held.kind, id: held.id, signature });
  return caller !== null;
}

/** The shared_secret column of a credential's row, as the database holds it. */
export async function storedSecret(database: Database, held: HeldCredential): Promise<string> {
  const [row] =
    held.kind === 'hblock'
      ? await database.db
          .select({ secret: hblockUsers.sharedSecret })
          .from(hblockUsers)
          .where(eq(hblockUsers.userName, held.id))
      : await database.db
          .select({ secret: accessKeys.sharedSecret })
          .from(accessKeys)
          .where(eq(accessKeys.id, held.id));
  if (!row?.secret) throw new Error(`no secret stored for ${held.id}`);
  return row.secret;
}

/** A sha256 and a TOTP access key and an HBlock user of `team`, as their holders know them. */
export async function createHeldCredentials(team: TestTeam): Promise<HeldCredential[]> {
  const sha256 = await team.owner.accessKeys.create({ alg: 'sha256' });
  const totp = await team.owner.accessKeys.create({ alg: 'totp' });
  const user = await team.owner.hblockUsers.create({ name: `ops-${randomUUID().slice(0, 8)}` });
  return [
    { kind: 'sha256', id: sha256.accessKeyId, secret: sha256.accessKeySecret },
    { kind: 'totp', id: totp.accessKeyId, secret: totp.accessKeySecret },
    { kind: 'hblock', id: user.userName, secret: user.secret },
  ];
}
