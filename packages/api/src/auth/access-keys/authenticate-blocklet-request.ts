import type { Database } from '@opsledger/db';

import { bearerToken } from '../api-key-secret';
import { authenticateApiKey, type Caller } from '../authenticate';
import { authenticateAccessKey } from './authenticate-access-key';
import { presentedAccessKey } from './presented-access-key';

/** The client sends `Bearer ${encodeURIComponent(token)}`; a token that is not encoding stays. */
function decodedToken(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/**
 * Who sends a Blocklet Server request: an OpsLedger API key (`setAuthToken`) or an access key
 * (`setAuthAccessKey`, any of the three schemes). Null when neither is presented or valid:
 * Blocklet answers both alike, with `forbidden`. Throws TooManyRequestsError when the
 * credential or the client address has failed too often.
 */
export async function authenticateBlockletRequest(
  database: Database,
  headers: Headers,
  clientAddress: string | null,
  nowMs = Date.now(),
): Promise<Caller | null> {
  const token = bearerToken(headers.get('authorization'));
  if (token !== null) return authenticateApiKey(database, decodedToken(token), clientAddress);
  const presented = presentedAccessKey(headers);
  if (presented === null || presented === 'malformed') return null;
  return authenticateAccessKey(database, presented, nowMs, clientAddress);
}
