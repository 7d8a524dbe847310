import { describe, expect, it } from 'vitest';

import { spellingsOfTarget } from './signed-request';

describe('spellingsOfTarget', () => {
  it('accepts the bare spelling of empty values, as the client signs them', () => {
    expect(spellingsOfTarget('/a/audit-log/list?size=10&page=0&sort=&order=1')).toEqual([
      '/a/audit-log/list?size=10&page=0&sort=&order=1',
      '/a/audit-log/list?size=10&page=0&sort&order=1',
    ]);
    expect(spellingsOfTarget('/a/list?sort=')).toEqual(['/a/list?sort=', '/a/list?sort']);
  });

  it('changes nothing else: values, order and the path stay as sent', () => {
    expect(spellingsOfTarget('/a/list?size=10&sort=createdAt')).toEqual([
      '/a/list?size=10&sort=createdAt',
    ]);
    expect(spellingsOfTarget('/a/audit-log')).toEqual(['/a/audit-log']);
  });
});
