import { describe, expect, it } from 'vitest';

import { EVENT_COPY } from '../events/chain-events';
import { teams } from '../schema';
import { copyTargetOf } from './copy-target';

describe('copyTargetOf', () => {
  it("names the table and its columns as the database knows them, in the row's order", () => {
    expect(EVENT_COPY.table).toBe('events');
    expect(EVENT_COPY.columns.slice(-3)).toEqual(['seq', 'prev_hash', 'hash']);
    expect(EVENT_COPY.columns).not.toContain('recorded_at');
  });

  it('refuses a column listed twice', () => {
    expect(() =>
      copyTargetOf(teams, {
        order: ['id', 'slug', 'name', 'id'],
        filledByDatabase: ['createdAt'],
      }),
    ).toThrow('teams.id is listed twice');
  });
});
