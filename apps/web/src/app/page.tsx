import { connection } from 'next/server';

import { opsLedger } from '../server/opsledger';

const STATE: Record<string, string> = {
  starting: 'starting: migrating the database and preparing the demo team',
  ready: 'ready',
  failed: 'failed to start (see the server log)',
};

/** A placeholder until the portal lands: what runs here and where to look. */
export default async function HomePage() {
  // Rendered per request: the status is the running server's, never the build's.
  await connection();
  const status = opsLedger().status();
  return (
    <main>
      <h1>OpsLedger</h1>
      <p>
        This server holds the team&apos;s operational record and serves its API. The portal comes
        later; for now use the CLI (<code>pnpm opsledger</code>) or the API with the key in{' '}
        <code>credentials.json</code> of the data directory.
      </p>
      <ul>
        <li>
          Status: {STATE[status.state]}
          {status.state === 'ready' ? ` (database: ${status.database})` : ''}
        </li>
        <li>
          Native API: <code>/api/trpc</code>
        </li>
        <li>
          Health: <a href="/api/health">/api/health</a>
        </li>
      </ul>
    </main>
  );
}
