import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The contrib extensions the migrations create. PGlite ships each as a separate import that
 * must be handed to every instance, or `create extension` fails; PostgreSQL has them built in.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
