import { z } from 'zod';

/** A PostgreSQL connection URL, as DATABASE_URL is written wherever it is read. */
export const PostgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  message: 'must be a postgres:// URL',
});
export type PostgresUrl = z.infer<typeof PostgresUrl>;
