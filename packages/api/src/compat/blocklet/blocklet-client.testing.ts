import BlockletServerClient from '@blocklet/server-js';

import type { CreatedAccessKey } from '@opsledger/domain';

export const BLOCKLET_PATH = '/api/compat/blocklet';

export type BlockletCredential =
  | { token: string }
  | { accessKey: Pick<CreatedAccessKey, 'accessKeyId' | 'accessKeySecret' | 'type'> };

/** The published Blocklet Server client, pointed at an OpsLedger served on `baseUrl`. */
export function blockletClient(baseUrl: string, credential?: BlockletCredential) {
  const client = new BlockletServerClient(`${baseUrl}${BLOCKLET_PATH}`);
  if (credential && 'token' in credential) client.setAuthToken(credential.token);
  if (credential && 'accessKey' in credential) {
    const { accessKeyId, accessKeySecret, type } = credential.accessKey;
    client.setAuthAccessKey({ accessKeyId, accessKeySecret, type });
  }
  return client;
}

/** A raw GraphQL POST, for what the client cannot send (malformed and abusive queries). */
export async function postGraphql(
  baseUrl: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(`${baseUrl}${BLOCKLET_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Left null: the test asserts on the text.
  }
  return { status: response.status, json, text };
}
