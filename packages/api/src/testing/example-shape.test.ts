import { describe, expect, it } from 'vitest';

import { shapeMismatches } from './example-shape';

describe('shapeMismatches', () => {
  const example = { code: 'ok', list: [{ id: 1, actor: { did: 'z1' } }], env: null };

  it('passes an answer with every member the example shows, and more', () => {
    const answer = {
      code: 'ok',
      list: [{ id: 7, actor: { did: 'z2', role: 'x' } }],
      env: 3,
      more: 1,
    };
    expect(shapeMismatches(answer, example)).toEqual([]);
  });

  it('names each missing member and each wrong type by its path', () => {
    const answer = {
      code: 1,
      list: [
        { id: 1, actor: {} },
        { id: '2', actor: { did: 'z' } },
      ],
      env: null,
    };
    expect(shapeMismatches(answer, example)).toEqual([
      '$.code: number, the example has string',
      '$.list[0].actor.did: missing',
      '$.list[1].id: string, the example has number',
    ]);
    expect(shapeMismatches({ code: 'ok', list: [] }, example)).toEqual([
      '$.list: empty, the example has members',
      '$.env: missing',
    ]);
  });
});
