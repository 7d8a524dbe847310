import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { STREAM_NAMES, streamEntry } from '@opsledger/domain';

import { appRouter } from '../root';

/**
 * The stream registry names procedures that the client's retries, `opsledger import` and
 * `opsledger export` call by path: each must exist, be of its kind and take what they send.
 */
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string; inputs: unknown[] } } | undefined
>;

function procedureAt(path: string) {
  const procedure = procedures[path];
  if (!procedure) throw new Error(`${path} is not a procedure of the API`);
  const [input] = procedure._def.inputs;
  return { type: procedure._def.type, input: input instanceof z.ZodObject ? input : undefined };
}

/** The schema of one of `{ items }`, when the input is a batch. */
const itemOf = (input: z.ZodObject | undefined) => {
  const items = input?.shape.items;
  return items instanceof z.ZodArray ? items.element : undefined;
};

describe.each(STREAM_NAMES)('the %s stream', (name) => {
  const entry = streamEntry(name);
  const at = (procedure: string) => procedureAt(`${entry.namespace}.${procedure}`);

  it('is listed by a query', () => {
    expect(at(entry.list.procedure).type).toBe('query');
  });

  it('imports through a batch write of the registry item schema', () => {
    if (!entry.batchWrite) return;
    const write = at(entry.batchWrite.procedure);
    expect(write.type).toBe('mutation');
    expect(itemOf(write.input)).toBe(entry.batchWrite.item);
  });

  it('keys its keyed writes where the registry says', () => {
    for (const [procedure, place] of Object.entries(entry.keyedWrites)) {
      const write = at(procedure);
      expect(write.type).toBe('mutation');
      const keyed = place === 'items' ? itemOf(write.input) : write.input;
      expect(keyed instanceof z.ZodObject && 'idempotencyKey' in keyed.shape).toBe(true);
    }
  });
});
