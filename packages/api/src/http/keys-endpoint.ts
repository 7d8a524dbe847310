import { listSigningKeys } from '../services/chain/signing-keys-table';
import type { Exchange } from './exchange';

/**
 * `GET /api/.well-known/opsledger-keys`: the public keys checkpoints are signed with, retired
 * ones included, for anyone verifying a bundle to check against the deployment they trust.
 */
export async function handleSigningKeysRequest(exchange: Exchange): Promise<Response> {
  const { method } = exchange.request;
  if (method !== 'GET' && method !== 'HEAD') {
    const message = 'method: only GET';
    exchange.failure = { code: 'METHOD_NOT_SUPPORTED', message };
    return Response.json({ error: message }, { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  exchange.action = 'getSigningKeys';
  const keys = await listSigningKeys(exchange.database);
  return Response.json(
    { format: 'opsledger-keys/1', keys },
    { headers: { 'cache-control': 'public, max-age=300' } },
  );
}
