import { describe, expect, it } from 'vitest';

import { STREAMS } from './envelope';
import { EXPORT_FLAGS, IMPORTABLE_STREAMS, KEYED_WRITES, STREAM_NAMES } from './registry-views';

describe('the stream registry', () => {
  it('has an entry, importable, for every stream of the event store', () => {
    for (const stream of STREAMS) expect(IMPORTABLE_STREAMS).toContain(stream);
    expect(STREAM_NAMES).toEqual([...STREAMS, 'backups', 'syncs', 'traffic']);
  });

  it('keys the writes that deduplicate, each path once, and lists each flag once', () => {
    expect(Object.fromEntries(KEYED_WRITES)).toEqual({
      'auditLogs.record': 'input',
      'auditLogs.recordBatch': 'items',
      'activities.record': 'input',
      'activities.recordBatch': 'items',
      'passportLogs.record': 'input',
      'passportLogs.recordBatch': 'items',
      'events.record': 'input',
      'events.recordBatch': 'items',
      'backups.create': 'input',
      'syncs.create': 'input',
    });
    expect(new Set(EXPORT_FLAGS).size).toBe(EXPORT_FLAGS.length);
  });
});
