import { and, eq, hblockUsers, teams, type Database } from '@opsledger/db';

import { openCredentialSecret } from '../../secrets/credential-secrets';
import { keyCaller, type Caller } from '../authenticate';
import { guardAuthentication } from '../failed-auth/failed-auth-guard';
import { noteCredentialUse } from '../last-used';
import {
  generateHBlockSecret,
  hblockSignature,
  hblockStringToSign,
  signaturesMatch,
} from './hblock-secret';
import { hblockUserNamed } from './hblock-user-name';

/** How far the client's Date may be from ours, either way. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Why a request was refused; the endpoint turns each into an HBlock error. */
export type HBlockAuthFailure =
  | { reason: 'missing-authorization' }
  | { reason: 'missing-date' }
  | { reason: 'stale-date' }
  | { reason: 'bad-credentials' };

export type HBlockAuthResult = { caller: Caller } | { failure: HBlockAuthFailure };

const AUTHORIZATION = /^HBlock\s+([^\s:]+):(\S+)\s*$/;

/** Signs something with a throwaway secret so an unknown user costs what a known one does. */
const DECOY_SECRET = generateHBlockSecret();

async function findUser(database: Database, userName: string) {
  const [row] = await database.db
    .select({
      userName: hblockUsers.userName,
      role: hblockUsers.role,
      secret: hblockUsers.sharedSecret,
      revokedAt: hblockUsers.revokedAt,
      teamId: teams.id,
      slug: teams.slug,
      name: teams.name,
    })
    .from(hblockUsers)
    .innerJoin(teams, eq(teams.id, hblockUsers.teamId))
    .where(hblockUserNamed(userName))
    .limit(1);
  return row ?? null;
}

/**
 * Checks `Authorization: HBlock <userName>:<signature>` and its `Date` header: the signature is
 * base64(HMAC-SHA256(secret, METHOD\nDate\ntarget)) over the request target as sent. Unknown,
 * revoked and wrongly signed all fail alike, so the answer does not reveal which user names
 * exist. Throws TooManyRequestsError when the user or the client address failed too often.
 */
export async function authenticateHBlockRequest(
  database: Database,
  request: { method: string; headers: Headers; target: string; clientAddress: string | null },
  now: number = Date.now(),
): Promise<HBlockAuthResult> {
  const match = AUTHORIZATION.exec(request.headers.get('authorization') ?? '');
  const userName = match?.[1];
  const presented = match?.[2];
  if (!userName || !presented) return { failure: { reason: 'missing-authorization' } };

  const date = request.headers.get('date');
  const sentAt = date ? Date.parse(date) : Number.NaN;
  if (!date || Number.isNaN(sentAt)) return { failure: { reason: 'missing-date' } };
  if (Math.abs(now - sentAt) > MAX_CLOCK_SKEW_MS) return { failure: { reason: 'stale-date' } };

  const attempt = {
    scheme: 'hblock-user' as const,
    credential: userName.toLowerCase(),
    clientAddress: request.clientAddress,
  };
  const caller = await guardAuthentication<Caller>(database, attempt, async () => {
    const user = await findUser(database, userName);
    const secret = user
      ? await openCredentialSecret(
          database,
          { kind: 'hblock-user', teamId: user.teamId, id: user.userName },
          user.secret,
        )
      : null;
    const expected = hblockSignature(
      secret ?? DECOY_SECRET,
      hblockStringToSign(request.method, date, request.target),
    );
    const valid = signaturesMatch(presented, expected);
    if (!user || secret === null) return { failed: 'unknown-user', owner: null };
    const team = { id: user.teamId, slug: user.slug, name: user.name };
    const owner = { team, credentialId: `hblock-user:${user.userName}` };
    if (user.revokedAt !== null) return { failed: 'revoked-user', owner };
    if (!valid) return { failed: 'bad-signature', owner };

    await noteCredentialUse(
      database,
      hblockUsers,
      and(eq(hblockUsers.teamId, user.teamId), eq(hblockUsers.userName, user.userName)),
      now,
    );
    return { ok: keyCaller(team, owner.credentialId, user.role) };
  });
  return caller ? { caller } : { failure: { reason: 'bad-credentials' } };
}
