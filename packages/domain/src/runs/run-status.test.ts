import { describe, expect, it } from 'vitest';

import { canTransition, RunStatus } from './run-status';

describe('run status machine', () => {
  it.each([
    ['initial', 'pending'],
    ['pending', 'running'],
    ['running', 'succeeded'],
    ['pending', 'succeeded'],
    ['initial', 'canceled'],
    ['running', 'running'],
    ['succeeded', 'succeeded'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each([
    ['succeeded', 'pending'],
    ['failed', 'succeeded'],
    ['canceled', 'running'],
    ['running', 'pending'],
    ['pending', 'initial'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('accepts the seed systems spellings', () => {
    expect(RunStatus.parse('default')).toBe('initial');
    expect(RunStatus.parse('SUCCESS')).toBe('succeeded');
    expect(RunStatus.parse('CANCELED')).toBe('canceled');
    expect(RunStatus.safeParse('done').success).toBe(false);
  });
});
