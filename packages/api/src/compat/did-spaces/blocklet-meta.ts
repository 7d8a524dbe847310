import type { Exchange } from '../../http/exchange';
import { queryOf } from './request-query';

/** The DID of the DID Spaces blocklet: the client looks its mount point up by this DID. */
export const DID_SPACES_COMPONENT_DID = 'z8iZnaYxnkMD5AKRjTKiCb8pQr1ut8UantAcf';

/**
 * What `SpaceClient` reads from `GET /__blocklet__.js?type=json` before every command: where
 * the DID Spaces component is mounted. OpsLedger serves its audit-log API under `/app`.
 */
export const BLOCKLET_META = {
  componentMountPoints: [{ did: DID_SPACES_COMPONENT_DID, name: 'did-spaces', mountPoint: '/app' }],
};

/**
 * `/__blocklet__.js`: the JSON form with `?type=json`, otherwise the script a browser page of
 * a blocklet loads, which puts the same facts on `window.blocklet`.
 */
export function blockletMetaResponse(exchange: Exchange): Response {
  if (queryOf(exchange.target).get('type') === 'json') return Response.json(BLOCKLET_META);
  return new Response(`window.blocklet = ${JSON.stringify(BLOCKLET_META)};\n`, {
    headers: { 'content-type': 'application/javascript; charset=utf-8' },
  });
}
