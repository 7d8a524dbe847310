import { z } from 'zod';

import { MAX_PAGE_SIZE } from './common';

/** Offset paging, numbered from 1, as the Blocklet API pages. */
export const PageRequest = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type PageRequest = z.infer<typeof PageRequest>;

export const Paging = z.object({
  total: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  page: z.number().int(),
});
export type Paging = z.infer<typeof Paging>;

export function pagingOf(request: PageRequest, total: number): Paging {
  return {
    total,
    page: request.page,
    pageSize: request.pageSize,
    pageCount: Math.ceil(total / request.pageSize),
  };
}

/** Keyset paging: an opaque cursor from the previous page and a limit. */
export const CursorRequest = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});
export type CursorRequest = z.infer<typeof CursorRequest>;

export const cursorPageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
