import type { OpsLedgerClient } from '@opsledger/client';
import type { StreamEntry } from '@opsledger/domain';

import { procedureAt, type ListQuery } from '../streams/stream-procedures';
import { cursorPages, offsetPages, PAGE_SIZE } from './pages';

/** Filter fields as the API names them, with the values the flags gave. */
export type Filter = Record<string, unknown>;

type Rows = object[];
/** The answers of the three pagings, as the export reads them. */
export interface CursorAnswer {
  items: Rows;
  nextCursor: string | null;
}
export interface ConnectionAnswer {
  edges: { node: object }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
export type OffsetAnswer = Partial<Record<'items' | 'list', Rows>> & {
  paging: { pageCount: number };
};

/**
 * Pages of a stream's records, read through the list query its registry entry names, with the
 * filter (already checked against the entry's filter schema) and the entry's fixed input.
 */
export function streamPages(
  client: OpsLedgerClient,
  entry: StreamEntry,
  filter: Filter,
): AsyncGenerator<Rows> {
  const { procedure, paging, fixed } = entry.list;
  switch (paging.kind) {
    case 'cursor': {
      const list = procedureAt<ListQuery<CursorAnswer>>(client, entry, procedure);
      return cursorPages((cursor) => list.query({ ...filter, ...fixed, cursor, limit: PAGE_SIZE }));
    }
    case 'connection': {
      const list = procedureAt<ListQuery<ConnectionAnswer>>(client, entry, procedure);
      return cursorPages(async (after) => {
        const connection = await list.query({ filter, ...fixed, first: PAGE_SIZE, after });
        return {
          items: connection.edges.map((edge) => edge.node),
          nextCursor: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
        };
      });
    }
    case 'offset': {
      const list = procedureAt<ListQuery<OffsetAnswer>>(client, entry, procedure);
      return offsetPages(async (page) => {
        const result = await list.query({ ...filter, ...fixed, page, pageSize: PAGE_SIZE });
        return { items: result[paging.rows] ?? [], pageCount: result.paging.pageCount };
      });
    }
  }
}
