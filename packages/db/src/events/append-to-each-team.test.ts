import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { canonicalEvent, emptyEnvelopeFields, GENESIS_HASH } from '@opsledger/domain';

import type { Database } from '../database';
import { createTestDatabase } from '../testing';
import { insertTestTeam } from '../testing/test-team';
import { appendEvents, type PendingEvent } from './append';
import { appendToEachTeam } from './append-to-each-team';
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
  stream: 'system',
  occurredAt: new Date().toISOString(),
  action: 'ServiceStarted',
  ...over,
});

async function storedChain(teamId: string) {
  return database.query<{ seq: string; id: string; prev_hash: string; hash: string }>(
    `select seq, id, prev_hash, hash from events where team_id = $1 order by seq`,
    [teamId],
  );
}

describe('appendToEachTeam', () => {
  it("extends each team's chain by one event, linked and hashed as appendEvents would", async () => {
    const [busy, fresh] = [await newTeam(), await newTeam()];
    await appendEvents(database, busy, [event({ action: 'a' }), event({ action: 'b' })]);
    const announced = { busy: event(), fresh: event() };

    const appended = await appendToEachTeam(database, [
      { teamId: busy, event: announced.busy },
      { teamId: fresh, event: announced.fresh },
    ]);

    expect(appended).toBe(2);
    const busyRows = await storedChain(busy);
    expect(busyRows.map((row) => Number(row.seq))).toEqual([1, 2, 3]);
    const [, second, third] = busyRows;
    expect(third?.id).toBe(announced.busy.id);
    expect(third?.prev_hash).toBe(second?.hash);
    expect(third?.hash).toBe(
      chainHash(second?.hash ?? '', canonicalEvent(busy, 3, announced.busy)),
    );
    const [only] = await storedChain(fresh);
    expect(only?.hash).toBe(chainHash(GENESIS_HASH, canonicalEvent(fresh, 1, announced.fresh)));
    // The head moved: the team's next ordinary write links to the announcement.
    await appendEvents(database, busy, [event({ action: 'after' })]);
    expect((await storedChain(busy))[3]?.prev_hash).toBe(third?.hash);
  });

  it('keeps every chain linear when it fans out across chunks while teams write', async () => {
    const ids = await Promise.all(Array.from({ length: 620 }, newTeam));
    const writers = ids
      .slice(0, 20)
      .map((teamId) => appendEvents(database, teamId, [event({ action: 'own' })]));
    const appended = await appendToEachTeam(
      database,
      ids.map((teamId) => ({ teamId, event: event() })),
    );
    await Promise.all(writers);

    expect(appended).toBe(ids.length);
    for (const teamId of ids.slice(0, 25)) {
      const rows = await storedChain(teamId);
      expect(rows.map((row) => Number(row.seq))).toEqual(rows.map((_, i) => i + 1));
      for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    }
  });
});
