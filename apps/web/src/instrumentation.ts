/**
 * Next.js calls this once per server process. The start-up runs in the background so that
 * /api/health can answer 503 until the database is migrated and the demo team is ready.
 */
export async function register() {
  // Read here, not in env.ts: Next.js inlines it per runtime so the edge bundle drops the import.
  // eslint-disable-next-line no-restricted-properties -- see above: it must be read literally
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./server/start-server');
  await startServer();
}
