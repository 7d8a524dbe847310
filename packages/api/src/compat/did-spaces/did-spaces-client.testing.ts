import { SpaceClient } from '@blocklet/did-space-js';
import { auditLogList } from '@blocklet/did-space-js/dist/api/routes/audit-log-list';
import { PostObjectsSyncCommand } from '@blocklet/did-space-js/dist/commands/audit-log/post-objects-sync-command';
import { PutObjectsSyncCommand } from '@blocklet/did-space-js/dist/commands/audit-log/put-objects-sync-command';
import { signRequest } from '@blocklet/did-space-js/dist/security';
import { fromRandom, WalletType, type WalletObject } from '@ocap/wallet';

/*
 * The published DID Spaces client, driven the way an app drives it, for the endpoint's tests.
 */

const ROLE_APPLICATION = 3;
const KEY_ED25519 = 0;
const HASH_SHA3 = 1;

export type AppWallet = WalletObject;

/** A blocklet's wallet, as Blocklet Server makes one: an application DID over Ed25519/SHA3. */
export const appWallet = (): AppWallet =>
  fromRandom(WalletType({ role: ROLE_APPLICATION, pk: KEY_ED25519, hash: HASH_SHA3 }));

/** The DID Spaces endpoint of an app in a space, as a DID Space hands it to the app. */
export const spaceEndpoint = (base: string, spaceDid: string, appDid: string) =>
  `${base}/app/api/space/${spaceDid}/app/${appDid}/object/`;

/** What every command answers; `statusMessage` carries the server's text on a failure. */
export interface CommandResult<T> {
  statusCode: number;
  statusMessage?: string;
  data: T;
}

export interface AuditLogRecord {
  id: string;
  entityId: string;
  entityName: string;
  actionType: string;
  userId: string;
  username: string;
  status: string;
  reason: string;
  env: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  data: {
    appName: string;
    appDescription: string;
    source: string;
    target: string;
    totalCount: number;
    errorCount: number;
    successCount: number;
    size: number;
    duration: number;
    metadata?: Record<string, unknown>;
  };
}

export function spaceClient(options: {
  base: string;
  spaceDid: string;
  /** The app in the endpoint's path (the wallet's own, unless the test says otherwise). */
  appDid?: string;
  wallet: AppWallet;
  delegation?: string;
}) {
  const client = new SpaceClient({
    wallet: options.wallet,
    endpoint: spaceEndpoint(
      options.base,
      options.spaceDid,
      options.appDid ?? options.wallet.address,
    ),
    url: options.base,
    ...(options.delegation ? { delegation: options.delegation } : {}),
  });
  return {
    postSync: async (input: {
      source: string;
      target: string;
      metadata?: Record<string, unknown>;
    }) => (await client.send(new PostObjectsSyncCommand(input))) as CommandResult<AuditLogRecord>,
    putSync: async (input: {
      id: string;
      status: string;
      reason?: string;
      totalCount: number;
      errorCount: number;
      successCount?: number;
      size: number;
      duration: number;
    }) =>
      (await client.send(
        new PutObjectsSyncCommand(input as ConstructorParameters<typeof PutObjectsSyncCommand>[0]),
      )) as CommandResult<AuditLogRecord>,
  };
}

/** A list answer: the published client's `{rows, count}` and the seed's shape at once. */
export interface AuditLogPage {
  rows: AuditLogRecord[];
  count: number;
  items: AuditLogRecord[];
  total: number;
  page: number;
  pageSize: number;
}

export type ListQuery = Partial<
  Record<'size' | 'page' | 'sort' | 'order', string> & {
    status: string | string[];
    actionType: string | string[];
  }
>;

/**
 * The package's `auditLogList` route handler (it runs inside a blocklet's Express service,
 * which supplies the blocklet's wallet), called with the query a browser would send it. A
 * failed listing answers the status and the server's text.
 */
export async function listViaClient(options: {
  base: string;
  spaceDid: string;
  appDid?: string;
  wallet: AppWallet;
  query?: ListQuery;
}): Promise<CommandResult<AuditLogPage>> {
  const endpoint = spaceEndpoint(
    options.base,
    options.spaceDid,
    options.appDid ?? options.wallet.address,
  );
  let sent: unknown;
  const request = {
    method: 'GET',
    query: { endpoint, ...options.query },
    getBlockletInfo: () => Promise.resolve({ wallet: options.wallet }),
  };
  const response = { send: (body: unknown) => (sent = body) };
  try {
    await auditLogList(request, response);
  } catch (error) {
    const failed = (error as { response?: { statusCode?: number; body?: unknown } }).response;
    if (!failed?.statusCode) throw error;
    return {
      statusCode: failed.statusCode,
      statusMessage: String(failed.body),
      data: undefined as never,
    };
  }
  return sent as CommandResult<AuditLogPage>;
}

/**
 * The headers the client signs a request with (its own `signRequest`), to send by hand: for
 * requests a well-behaved client would not make (tampered, replayed, wrongly delegated).
 */
export async function signedHeaders(options: {
  wallet: AppWallet;
  method: string;
  url: string;
}): Promise<Record<string, string>> {
  const { headers } = await signRequest({
    url: options.url,
    method: options.method,
    data: {},
    headers: {},
    wallet: options.wallet,
  } as never);
  return headers;
}

/** A delegation as a DID Wallet issues one: `from` lets `to` act for it on DID Spaces. */
export function delegation(options: {
  from: AppWallet;
  to: string;
  roles?: string[];
  exp?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return options.from.signJWT({
    from: options.from.address,
    to: options.to,
    userPk: options.from.publicKey,
    permissions: (options.roles ?? ['DIDSpaceAgent']).map((role) => ({ role, spaces: ['*'] })),
    exp: String(options.exp ?? now + 3600),
  });
}
