/**
 * The bench's one setting. With DATABASE_URL it measures PostgreSQL (in a database of its own
 * next to the given one); without it, a fresh embedded PGlite in a temporary directory.
 */
function databaseUrl(): string | undefined {
  const value = process.env.DATABASE_URL?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('DATABASE_URL: is not a URL (postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error('DATABASE_URL: must be a postgres:// URL');
  }
  return value;
}

export const env = { databaseUrl: databaseUrl() };
