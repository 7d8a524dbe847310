import { createPublicKey, verify } from 'node:crypto';
import { chmod, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkpointMessage, type AuditLogInput, type Checkpoint } from '@opsledger/domain';

import {
  loadSigningKeyFile,
  rotateSigningKeyFile,
  signingKeyFilePath,
} from '../services/chain/signing-key';
import { createTestApi, serveApi, type ServedApi } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
let served: ServedApi;
beforeAll(async () => {
  api = await createTestApi();
  served = await serveApi(api.database);
});
afterAll(async () => {
  await served.close();
  await api.close();
});

const entry = (overrides: Partial<AuditLogInput> = {}): AuditLogInput => ({
  scope: 'node',
  category: 'user',
  action: 'login',
  content: 'User z1alice logged in',
  actor: { did: 'z1alice' },
  env: {},
  ...overrides,
});

function signatureHolds(checkpoint: Checkpoint, publicKeyHex: string) {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') },
    format: 'jwk',
  });
  const { signature, ...signed } = checkpoint;
  return verify(null, Buffer.from(checkpointMessage(signed)), key, Buffer.from(signature, 'hex'));
}

async function publishedKeys() {
  const response = await fetch(`${served.url}/api/.well-known/opsledger-keys`);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    keys: { id: string; publicKey: string; retiredAt: string | null }[];
  };
}

describe('the chain, visible', () => {
  it('gives every event read its seq and hash, the same the chain procedures give', async () => {
    const { owner } = await api.newTeam();
    await owner.auditLogs.recordBatch({ items: [entry(), entry({ action: 'logout' })] });
    const listed = await owner.auditLogs.list({ page: 1, pageSize: 10 });
    const chain = await owner.chain.events({ afterSeq: 0 });
    expect(chain.events.map((e) => e.seq)).toEqual([1, 2]);
    const bySeq = new Map(chain.events.map((e) => [e.seq, e.hash]));
    for (const log of listed.list) expect(log.hash).toBe(bySeq.get(log.seq));
    expect(chain.events[1]?.prevHash).toBe(chain.events[0]?.hash);
    const state = await owner.chain.state();
    expect(state.head).toEqual({ seq: 2, hash: chain.events[1]?.hash });
  });

  it('signs a team head after N events, not before, with a key published over HTTP', async () => {
    const { owner, id } = await api.newTeam();
    const policy = { everyEvents: 3, everyMinutes: 60 };
    await owner.auditLogs.recordBatch({ items: [entry(), entry()] });
    const first = await api.signCheckpoints(policy);
    const mine = (list: Checkpoint[]) => list.filter((c) => c.teamId === id);
    // A team without any checkpoint is signed at once, whatever N says.
    expect(mine(first).map((c) => c.seq)).toEqual([2]);
    await owner.auditLogs.recordBatch({ items: [entry(), entry()] });
    expect(mine(await api.signCheckpoints(policy))).toEqual([]);
    await owner.auditLogs.record(entry());
    expect(mine(await api.signCheckpoints(policy)).map((c) => c.seq)).toEqual([5]);

    const checkpoints = await owner.chain.checkpoints({ afterSeq: 0 });
    expect(checkpoints.map((c) => c.seq)).toEqual([2, 5]);
    const { keys } = await publishedKeys();
    const key = keys.find((k) => k.id === checkpoints[1]?.keyId);
    expect(key).toBeDefined();
    for (const checkpoint of checkpoints) {
      expect(signatureHolds(checkpoint, key?.publicKey ?? '')).toBe(true);
      expect(signatureHolds({ ...checkpoint, seq: checkpoint.seq + 1 }, key?.publicKey ?? '')).toBe(
        false,
      );
    }
    const head = (await owner.chain.events({ afterSeq: 4 })).events[0];
    expect(checkpoints[1]?.hash).toBe(head?.hash);
  });

  it('keeps a rotated key listed, retired, so its checkpoints still verify', async () => {
    const { owner, id } = await api.newTeam();
    await owner.auditLogs.record(entry());
    await api.signCheckpoints();
    const before = api.signingKey();
    const after = await api.rotateSigningKey();
    await owner.auditLogs.record(entry());
    await api.signCheckpoints();
    const { keys } = await publishedKeys();
    expect(keys.find((k) => k.id === before.id)?.retiredAt).not.toBeNull();
    expect(keys.find((k) => k.id === after.id)?.retiredAt).toBeNull();
    const checkpoints = await owner.chain.checkpoints({ afterSeq: 0 });
    expect(checkpoints.map((c) => [c.seq, c.keyId])).toEqual([
      [1, before.id],
      [2, after.id],
    ]);
    for (const checkpoint of checkpoints) {
      expect(checkpoint.teamId).toBe(id);
      const key = keys.find((k) => k.id === checkpoint.keyId);
      expect(signatureHolds(checkpoint, key?.publicKey ?? '')).toBe(true);
    }
  });

  it('starts a time range at the checkpoint before it, so the range still verifies', async () => {
    const { owner } = await api.newTeam();
    const at = (day: number) => `2026-02-${String(day).padStart(2, '0')}T10:00:00.000Z`;
    await owner.auditLogs.recordBatch({
      items: [1, 2, 3].map((d) => entry({ occurredAt: at(d) })),
    });
    await api.signCheckpoints();
    await owner.auditLogs.recordBatch({
      items: [4, 5, 6].map((d) => entry({ occurredAt: at(d) })),
    });
    const range = await owner.chain.range({ from: at(5), to: at(5) });
    expect(range.start.seq).toBe(3);
    expect(range.startCheckpoint?.seq).toBe(3);
    expect(range.end?.seq).toBe(5);
    const empty = await owner.chain.range({
      from: '2020-01-01T00:00:00.000Z',
      to: '2020-01-02T00:00:00.000Z',
    });
    expect(empty.end).toBeNull();
  });

  it('never shows one team the chain of another', async () => {
    const a = await api.newTeam();
    const b = await api.newTeam();
    await a.owner.auditLogs.record(entry({ content: 'secret of a' }));
    expect((await b.owner.chain.events({ afterSeq: 0 })).events).toEqual([]);
    expect((await b.owner.chain.state()).head.seq).toBe(0);
  });
});

describe('idempotency keys', () => {
  it('answers a replay with the original event and refuses other content with 409', async () => {
    const { owner } = await api.newTeam();
    const first = await owner.auditLogs.record(
      entry({ idempotencyKey: 'op-7', content: 'paid 10' }),
    );
    const again = await owner.auditLogs.record(
      entry({ idempotencyKey: 'op-7', content: 'paid 10' }),
    );
    expect(again).toMatchObject({ inserted: 0, duplicates: 1, ids: first.ids });
    const changed = owner.auditLogs.record(entry({ idempotencyKey: 'op-7', content: 'paid 99' }));
    await expect(changed).rejects.toThrow(TRPCError);
    await expect(changed).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(changed).rejects.toThrow(/idempotencyKey "op-7"/);
    expect((await owner.auditLogs.list({ page: 1, pageSize: 10 })).list).toHaveLength(1);
  });
});

describe('the signing key file', () => {
  it('is created 0600 on the first start, read back after, and refused when others can read it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'opsledger-keys-'));
    const created = await loadSigningKeyFile(dataDir);
    expect((await stat(signingKeyFilePath(dataDir))).mode & 0o777).toBe(0o600);
    expect((await loadSigningKeyFile(dataDir)).id).toBe(created.id);
    const rotated = await rotateSigningKeyFile(dataDir);
    expect(rotated.id).not.toBe(created.id);
    expect((await loadSigningKeyFile(dataDir)).id).toBe(rotated.id);
    await chmod(signingKeyFilePath(dataDir), 0o644);
    await expect(loadSigningKeyFile(dataDir)).rejects.toThrow(/chmod 600/);
  });
});
