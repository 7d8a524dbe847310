import { MAX_PAGE_SIZE } from '@opsledger/domain';

import type { Context } from '../../context';
import { appRouter } from '../../root';
import { createCallerFactory } from '../../trpc';
import type { ExportQuery } from './export-query';

const callerOf = createCallerFactory(appRouter);

type Rows = object[];
interface Page {
  rows: Rows;
  next: string | null;
}
type ListQuery = (input: Record<string, unknown>) => Promise<unknown>;

/** The list procedure the stream registry names, as the caller (role and team) may call it. */
function listQueryOf(context: Context, query: ExportQuery): ListQuery {
  const { namespace, list: listing } = query.stream;
  // The registry's paths and schemas are checked against the router (stream-registry.test.ts).
  const routers = callerOf(context) as unknown as Record<string, Record<string, ListQuery>>;
  const list = routers[namespace]?.[listing.procedure];
  if (!list) throw new Error(`${namespace}.${listing.procedure}: not in the API`);
  return list;
}

/**
 * A stream's records in keyset pages, read one page at a time through the same procedure (and so
 * the same service, tenancy and role check) as the list: a page is fetched only when the one
 * before it has been consumed.
 */
export function exportPages(context: Context, query: ExportQuery) {
  const list = listQueryOf(context, query);
  const { paging, fixed } = query.stream.list;
  const limit = MAX_PAGE_SIZE;
  return async (cursor: string | null): Promise<Page> => {
    if (paging.kind === 'connection') {
      const answer = (await list({
        filter: query.filter,
        ...fixed,
        first: limit,
        after: cursor ?? undefined,
      })) as {
        edges: { node: object }[];
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
      return {
        rows: answer.edges.map((edge) => edge.node),
        next: answer.pageInfo.hasNextPage ? answer.pageInfo.endCursor : null,
      };
    }
    const answer = (await list({
      ...query.filter,
      ...fixed,
      limit,
      cursor: cursor ?? undefined,
    })) as { items: Rows; nextCursor: string | null };
    return { rows: answer.items, next: answer.nextCursor };
  };
}
