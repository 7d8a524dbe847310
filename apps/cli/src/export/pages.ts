import { MAX_PAGE_SIZE } from '@opsledger/domain';

/** Largest page the API gives; one page is all the export holds in memory at a time. */
export const PAGE_SIZE = MAX_PAGE_SIZE;

/** Pages of a keyset (cursor) list, newest first, until the API says there are no more. */
export async function* cursorPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/**
 * Pages of an offset list (only for lists the API offers no cursor for). The caller sorts
 * oldest first, so rows added during the export land after the last page instead of shifting
 * earlier ones into pages already read.
 */
export async function* offsetPages<T>(
  fetchPage: (page: number) => Promise<{ items: T[]; pageCount: number }>,
): AsyncGenerator<T[]> {
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page);
    yield result.items;
    if (page >= result.pageCount || result.items.length === 0) return;
  }
}
