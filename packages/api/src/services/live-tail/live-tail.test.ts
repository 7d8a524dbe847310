import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { AuditLog, PlatformEvent } from '@opsledger/domain';

import {
  collectTail,
  createTestApi,
  liveTailClient,
  serveApi,
  type ServedApi,
  type TestTeam,
} from '../../testing';
import { closeEventFeed } from './event-feed';

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

const entry = (action: string, overrides: { category?: string } = {}) => ({
  scope: 'node',
  category: 'user',
  action,
  content: `did ${action}`,
  actor: { did: 'z1alice' },
  ...overrides,
});

async function clientOf(team: TestTeam) {
  return liveTailClient(served.url, await team.keySecret('viewer'));
}

/** Waits until `check` passes; a tail that never delivers fails here rather than hanging. */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 25 });

/** Long enough for a wrongly delivered event to have arrived, were the tail going to send it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('the live tail over SSE', () => {
  it('sends each new audit log of the team, matching the filter, as it is recorded', async () => {
    const team = await api.newTeam();
    const client = await clientOf(team);
    const tail = collectTail<AuditLog>((handlers) =>
      client.auditLogs.tail.subscribe({ category: 'user', afterSeq: 0 }, handlers),
    );
    try {
      await team.owner.auditLogs.record(entry('login'));
      await eventually(() =>
        expect(tail.received.map((item) => item.data.action)).toEqual(['login']),
      );

      await team.owner.auditLogs.record(entry('reboot', { category: 'system' }));
      await team.owner.auditLogs.recordBatch({ items: [entry('logout'), entry('update')] });
      await eventually(() =>
        expect(tail.received.map((item) => item.data.action)).toEqual([
          'login',
          'logout',
          'update',
        ]),
      );
      // Each is tracked by its seq: the id a reconnecting client sends back.
      expect(tail.received.map((item) => item.id)).toEqual(
        tail.received.map((item) => String(item.data.seq)),
      );
      expect(tail.errors).toEqual([]);
    } finally {
      tail.stop();
    }
  });

  it("never sends one team's events to another team's tail", async () => {
    const teamA = await api.newTeam();
    const teamB = await api.newTeam();
    const clientB = await clientOf(teamB);
    // No filter at all: the caller's team is the only boundary.
    const tailB = collectTail<AuditLog>((handlers) =>
      clientB.auditLogs.tail.subscribe({ afterSeq: 0 }, handlers),
    );
    const clientA = await clientOf(teamA);
    const tailA = collectTail<AuditLog>((handlers) =>
      clientA.auditLogs.tail.subscribe({ afterSeq: 0 }, handlers),
    );
    try {
      await teamA.owner.auditLogs.recordBatch({ items: [entry('a-1'), entry('a-2')] });
      await eventually(() => expect(tailA.received).toHaveLength(2));
      await teamB.owner.auditLogs.record(entry('b-1'));
      await eventually(() => expect(tailB.received).toHaveLength(1));
      await settle();
      expect(tailB.received.map((item) => item.data.action)).toEqual(['b-1']);
      expect(tailA.received.map((item) => item.data.action)).toEqual(['a-1', 'a-2']);
    } finally {
      tailA.stop();
      tailB.stop();
    }
  });

  it('resumes after the last seq it sent: no gap and no duplicate across a reconnect', async () => {
    const team = await api.newTeam();
    const client = await clientOf(team);
    const first = collectTail<AuditLog>((handlers) =>
      client.auditLogs.tail.subscribe({ afterSeq: 0 }, handlers),
    );
    await team.owner.auditLogs.recordBatch({ items: ['1', '2', '3'].map((n) => entry(`e${n}`)) });
    await eventually(() => expect(first.received).toHaveLength(3));
    first.stop();
    const lastSeen = first.received.at(-1)?.id;

    // Written while no tail was connected: the reconnect must bring exactly these.
    await team.owner.auditLogs.recordBatch({ items: ['4', '5'].map((n) => entry(`e${n}`)) });
    const second = collectTail<AuditLog>((handlers) =>
      // What tRPC's SSE link sends when it reconnects: the last tracked id it received.
      client.auditLogs.tail.subscribe({ afterSeq: 0, lastEventId: lastSeen }, handlers),
    );
    try {
      await eventually(() => expect(second.received).toHaveLength(2));
      await team.owner.auditLogs.record(entry('e6'));
      await eventually(() => expect(second.received).toHaveLength(3));
      await settle();
      const actions = [...first.received, ...second.received].map((item) => item.data.action);
      expect(actions).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
      const seqs = [...first.ids(), ...second.ids()];
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(6);
    } finally {
      second.stop();
    }
  });

  it('starts with the next event when given no starting point, and tails events by type', async () => {
    const team = await api.newTeam();
    await team.owner.events.record({ type: 'system', module: 'Node', name: 'before' });
    const client = await clientOf(team);
    const tail = collectTail<PlatformEvent>((handlers) =>
      client.events.tail.subscribe({ type: 'system' }, handlers),
    );
    try {
      // The subscription is open once the server has answered a request after it.
      await eventually(() => expect(tail.states).toContain('pending'));
      await settle();
      await team.owner.events.record({ type: 'system', module: 'Node', name: 'after' });
      await team.owner.events.record({ type: 'user', module: 'API', name: 'a user event' });
      await eventually(() =>
        expect(tail.received.map((item) => item.data.name)).toContain('after'),
      );
      await settle();
      expect(tail.received.map((item) => item.data.name)).toEqual(['after']);
    } finally {
      tail.stop();
    }
  });

  it('refuses a bad filter naming the field, and a caller without a key', async () => {
    const team = await api.newTeam();
    const client = await clientOf(team);
    const bad = collectTail<AuditLog>((handlers) =>
      client.auditLogs.tail.subscribe({ from: 'yesterday' }, handlers),
    );
    const anonymous = liveTailClient(served.url, 'not-a-key');
    const refused = collectTail<AuditLog>((handlers) =>
      anonymous.auditLogs.tail.subscribe({}, handlers),
    );
    try {
      await eventually(() => expect(bad.errors).toHaveLength(1));
      expect(String(bad.errors[0])).toContain('from');
      await eventually(() => expect(refused.errors).toHaveLength(1));
      expect(String(refused.errors[0])).toContain('API key');
    } finally {
      bad.stop();
      refused.stop();
    }
  });
});

describe('stopping the server', () => {
  it('ends open tails, so their responses do not hold the server open', async () => {
    const team = await api.newTeam();
    const key = await team.keySecret('viewer');
    const input = encodeURIComponent(JSON.stringify({ afterSeq: 0 }));
    const response = await fetch(`${served.url}/api/trpc/auditLogs.tail?input=${input}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    if (!response.body) throw new Error('the answer has no body');
    const reader = response.body.getReader();
    await reader.read(); // the stream is open and answering
    await closeEventFeed(api.database);
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
