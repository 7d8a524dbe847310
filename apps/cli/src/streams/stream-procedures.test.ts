import { describe, expectTypeOf, it } from 'vitest';

import type { OpsLedgerClient } from '@opsledger/client';
import type { ImportableStreamName, STREAM_REGISTRY, StreamName } from '@opsledger/domain';

import type { ConnectionAnswer, CursorAnswer, OffsetAnswer } from '../export/export-streams';
import type { BatchWrite } from './stream-procedures';

/**
 * Type checks (by `tsc`): every procedure the stream registry names is, in the client's exact
 * types, one that the import and the export may call through the shapes they rely on.
 */
type Registry = typeof STREAM_REGISTRY;

type ProcedureAt<
  N extends StreamName,
  P extends string,
> = Registry[N]['namespace'] extends infer NS extends keyof OpsLedgerClient
  ? P extends keyof OpsLedgerClient[NS]
    ? OpsLedgerClient[NS][P]
    : 'missing'
  : 'missing';

type Answer<Paging> = Paging extends { kind: 'cursor' }
  ? CursorAnswer
  : Paging extends { kind: 'connection' }
    ? ConnectionAnswer
    : Paging extends { kind: 'offset'; rows: infer Rows extends 'items' | 'list' }
      ? OffsetAnswer & Record<Rows, object[]>
      : never;

type ListAnswers<N extends StreamName> =
  ProcedureAt<N, Registry[N]['list']['procedure']> extends {
    query: (input: never) => Promise<infer Got>;
  }
    ? Got extends Answer<Registry[N]['list']['paging']>
      ? true
      : false
    : false;

type Item<N extends ImportableStreamName> = Registry[N]['batchWrite']['item']['_zod']['input'];

type WritesBatches<N extends ImportableStreamName> =
  ProcedureAt<N, Registry[N]['batchWrite']['procedure']> extends {
    mutate: (input: { items: Item<N>[] }) => Promise<Awaited<ReturnType<BatchWrite['mutate']>>>;
  }
    ? true
    : false;

describe('the procedures the stream registry names', () => {
  it('answer each list as its paging says', () => {
    expectTypeOf<{ [N in StreamName]: ListAnswers<N> }>().toEqualTypeOf<Record<StreamName, true>>();
  });

  it('take batches of the registry item schema and say how many were written', () => {
    expectTypeOf<{ [N in ImportableStreamName]: WritesBatches<N> }>().toEqualTypeOf<
      Record<ImportableStreamName, true>
    >();
  });
});
