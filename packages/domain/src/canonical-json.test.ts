import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json';
import { canonicalEvent } from './streams/canonical-event';
import { emptyEnvelopeFields, type EventEnvelope } from './streams/envelope';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"z":1}]},"b":1}',
    );
  });

  it('gives equal values the same text whatever their key order', () => {
    expect(canonicalJson({ x: 1, y: 'é' })).toBe(canonicalJson({ y: 'é', x: 1 }));
  });
});

describe('canonicalEvent', () => {
  const event: EventEnvelope = {
    ...emptyEnvelopeFields,
    id: '00000000-0000-4000-8000-000000000001',
    stream: 'audit',
    occurredAt: '2026-01-02T03:04:05.006Z',
    action: 'login "quoted"',
    payload: { b: 2, a: 1 },
  };

  it('is valid JSON whose payload keys are sorted', () => {
    const text = canonicalEvent('team-1', 42, event);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).toMatchObject({ team: 'team-1', seq: 42, action: 'login "quoted"' });
    expect(text.endsWith('"payload":{"a":1,"b":2}}')).toBe(true);
  });

  it('changes when any covered field changes', () => {
    const base = canonicalEvent('team-1', 42, event);
    expect(canonicalEvent('team-2', 42, event)).not.toBe(base);
    expect(canonicalEvent('team-1', 43, event)).not.toBe(base);
    expect(canonicalEvent('team-1', 42, { ...event, ip: '10.0.0.1' })).not.toBe(base);
    expect(canonicalEvent('team-1', 42, { ...event, payload: { a: 1, b: 3 } })).not.toBe(base);
  });
});
