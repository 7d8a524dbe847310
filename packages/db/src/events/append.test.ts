import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { canonicalEvent, emptyEnvelopeFields, GENESIS_HASH } from '@opsledger/domain';

import type { Database } from '../database';
import { createTestDatabase } from '../testing';
import { insertTestTeam } from '../testing/test-team';
import { appendEvents, IdempotencyConflictError, type PendingEvent } from './append';
import { chainHash } from './chain-hash';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const newTeam = () => insertTestTeam(database);

const event = (over: Partial<PendingEvent> = {}): PendingEvent => ({
  ...emptyEnvelopeFields,
  id: randomUUID(),
  stream: 'audit',
  occurredAt: new Date().toISOString(),
  action: 'login',
  content: 'tab\there, newline\nthere, back\\slash',
  payload: { nested: { b: 1, a: [true, null] } },
  ...over,
});

async function storedChain(teamId: string) {
  return database.query<{
    seq: string;
    id: string;
    prev_hash: string;
    hash: string;
    content: string;
  }>(`select seq, id, prev_hash, hash, content from events where team_id = $1 order by seq`, [
    teamId,
  ]);
}

describe('appendEvents', () => {
  it('stores events with a gap-free seq and a hash chain that recomputes from the rows', async () => {
    const teamId = await newTeam();
    const batch = [event(), event({ occurredAt: '2024-01-31T23:59:59.999Z' }), event()];
    await appendEvents(database, teamId, batch);
    await appendEvents(database, teamId, [event()]);

    const rows = await storedChain(teamId);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    expect(rows[0]?.content).toBe(batch[0]?.content);
    const first = batch[0] as PendingEvent;
    expect(rows[0]?.hash).toBe(chainHash(GENESIS_HASH, canonicalEvent(teamId, 1, first)));
  });

  it('never duplicates a retried event with the same idempotency key', async () => {
    const teamId = await newTeam();
    const once = event({ idempotencyKey: 'k1' });
    const first = await appendEvents(database, teamId, [once, event({ idempotencyKey: 'k2' })]);
    const retry = await appendEvents(database, teamId, [
      { ...once, id: randomUUID() },
      event({ idempotencyKey: 'k3' }),
      event({ idempotencyKey: 'k3' }),
    ]);
    expect(retry.duplicates).toBe(2);
    expect(retry.ids[0]).toBe(first.ids[0]);
    expect(retry.ids[2]).toBe(retry.ids[1]);
    expect((await storedChain(teamId)).length).toBe(3);
  });

  it('refuses a key replayed with other content, naming the key, and writes nothing', async () => {
    const teamId = await newTeam();
    await appendEvents(database, teamId, [event({ idempotencyKey: 'pay-1', content: 'paid 10' })]);
    const changed = appendEvents(database, teamId, [
      event(),
      event({ idempotencyKey: 'pay-1', content: 'paid 1000' }),
    ]);
    await expect(changed).rejects.toThrow(IdempotencyConflictError);
    await expect(changed).rejects.toThrow(/pay-1/);
    const inBatch = appendEvents(database, teamId, [
      event({ idempotencyKey: 'pay-2', content: 'a' }),
      event({ idempotencyKey: 'pay-2', content: 'b' }),
    ]);
    await expect(inBatch).rejects.toThrow(/pay-2/);
    expect((await storedChain(teamId)).length).toBe(1);
  });

  it('counts a time the writer gave as content, and a time the API assigned not', async () => {
    const teamId = await newTeam();
    const dated = { idempotencyKey: 'd', timeGiven: true, occurredAt: '2024-05-01T00:00:00.000Z' };
    await appendEvents(database, teamId, [event(dated)]);
    await expect(
      appendEvents(database, teamId, [event({ ...dated, occurredAt: '2024-05-02T00:00:00.000Z' })]),
    ).rejects.toThrow(IdempotencyConflictError);
    await appendEvents(database, teamId, [
      event({ idempotencyKey: 'u', occurredAt: '2024-05-01T00:00:00.000Z' }),
    ]);
    const retry = await appendEvents(database, teamId, [
      event({ idempotencyKey: 'u', occurredAt: '2024-05-01T00:00:09.000Z' }),
    ]);
    expect(retry.duplicates).toBe(1);
  });

  it('keeps one linear chain per team under concurrent writers', async () => {
    const [a, b] = [await newTeam(), await newTeam()];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        appendEvents(
          database,
          i % 2 ? a : b,
          Array.from({ length: 25 }, () => event()),
        ),
      ),
    );
    for (const teamId of [a, b]) {
      const rows = await storedChain(teamId);
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    }
  });
});

describe('the event store', () => {
  it('refuses to update or delete an event', async () => {
    const teamId = await newTeam();
    await appendEvents(database, teamId, [event()]);
    await expect(
      database.query(`update events set action = 'forged' where team_id = $1`, [teamId]),
    ).rejects.toThrow(/append-only/);
    await expect(database.query(`delete from events where team_id = $1`, [teamId])).rejects.toThrow(
      /append-only/,
    );
    expect((await storedChain(teamId)).length).toBe(1);
  });
});
