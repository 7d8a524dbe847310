import { and, apps, eq, isNull, teams, type Database } from '@opsledger/db';

import { stripDidPrefix } from '../../auth/abt-did/abt-did';
import { keyCaller, type Caller } from '../../auth/authenticate';
import { guardAuthentication, type Verdict } from '../../auth/failed-auth/failed-auth-guard';
import { forbidden, ServiceError, unauthorized } from '../../errors';
import type { Exchange } from '../../http/exchange';
import { verifySignedRequest, type SignedRequest } from './signed-request';

/**
 * The caller a registered app acts as: its team, with the `service` role, named after the app
 * (the request log shows which app wrote). Null for a DID no team has registered. An app DID
 * is held by one team (apps_did_key): a released app no longer receives its requests.
 */
export async function callerOfApp(database: Database, appDid: string): Promise<Caller | null> {
  const [row] = await database.db
    .select({ teamId: teams.id, slug: teams.slug, name: teams.name })
    .from(apps)
    .innerJoin(teams, eq(teams.id, apps.teamId))
    .where(and(eq(apps.did, appDid), isNull(apps.releasedAt)))
    .limit(1);
  if (!row) return null;
  const team = { id: row.teamId, slug: row.slug, name: row.name };
  return keyCaller(team, `did-spaces-app:${appDid}`, 'service');
}

interface SignedApp {
  caller: Caller;
  signed: SignedRequest;
}

/**
 * Who a DID Spaces request comes from: a valid signature (401 otherwise) for the app named in
 * the path (403 otherwise), and that app registered with a team (401 otherwise). A path that
 * names no app (the blocklet service's `/.well-known/.../audit-logs`) acts for the signing app.
 */
async function verifySignedApp(
  exchange: Exchange,
  pathAppDid: string | undefined,
): Promise<SignedApp> {
  const signed = verifySignedRequest(exchange, Math.floor(Date.now() / 1000));
  if (pathAppDid !== undefined && signed.appDid !== stripDidPrefix(pathAppDid)) {
    throw forbidden(
      `appDid: the request is signed for app ${signed.appDid}, not for ${pathAppDid} in the path`,
    );
  }
  const caller = await callerOfApp(exchange.database, signed.appDid);
  if (!caller) {
    throw unauthorized(
      `x-app-did: app ${signed.appDid} is not registered with OpsLedger ` +
        '(pnpm opsledger apps create --team <slug> --did <appDid> --name <name> ' +
        '--wallet-secret-file <file>)',
    );
  }
  return { caller, signed };
}

/**
 * The signed app of a request, counted against the failure budgets of the app DID (the path's,
 * or the claimed signer's where the path names none) and the client address: refusals keep their
 * own status and message, and a DID or address that failed too often is refused unverified
 * (TooManyRequestsError).
 */
export async function authenticateSignedApp(
  exchange: Exchange,
  pathAppDid: string | undefined,
): Promise<SignedApp> {
  const appDid = stripDidPrefix(pathAppDid ?? exchange.request.headers.get('x-app-did') ?? '');
  let refusal: ServiceError | null = null;
  const attempt = {
    scheme: 'did-spaces-app' as const,
    credential: appDid,
    clientAddress: exchange.clientAddress,
  };
  const verified = await guardAuthentication(
    exchange.database,
    attempt,
    async (): Promise<Verdict<SignedApp>> => {
      try {
        return { ok: await verifySignedApp(exchange, pathAppDid) };
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        refusal = error;
        // The path's app names its team (when registered), whoever signed the request.
        const owner = await callerOfApp(exchange.database, appDid);
        const named = owner && { team: owner.team, credentialId: `did-spaces-app:${appDid}` };
        return { failed: error.message, owner: named };
      }
    },
  );
  if (verified) return verified;
  throw refusal ?? unauthorized('x-app-token: the request is not signed by the app');
}
