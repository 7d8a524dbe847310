import type { CredentialsStore } from '@opsledger/api';
import {
  credentialsPath,
  readCredentials,
  storePortalAccount,
  storeTeamKey,
  writeCredentials,
} from '@opsledger/client/credentials';

/** How to use a key kept in credentials.json, without printing the secret into logs. */
export function usageLines(path: string, url: string): string[] {
  const input = encodeURIComponent(JSON.stringify({ pageSize: 5 }));
  return [
    `owner credentials (URL + API key) are in ${path} (mode 0600).`,
    'Use them with the CLI (pnpm opsledger ...) or over HTTP, for example:',
    `  export OPSLEDGER_KEY=$(node -p 'require(${JSON.stringify(path)}).key')`,
    `  curl -H "Authorization: Bearer $OPSLEDGER_KEY" '${url}/api/trpc/auditLogs.list?input=${input}'`,
  ];
}

/**
 * The data directory's credentials.json as the start-up's credentials store. A new key for the
 * default team (or the first key) becomes the default; a key for another team is added beside.
 */
export function credentialsFile(
  dataDir: string,
  url: string,
  log: (line: string) => void,
): CredentialsStore {
  return {
    keyFor: async (team) => (await readCredentials(dataDir))?.teams[team] ?? null,
    async save(team, key) {
      const existing = await readCredentials(dataDir);
      if (!existing || existing.team === team) await writeCredentials(dataDir, { url, team, key });
      else await storeTeamKey(dataDir, { url, team, key });
      for (const line of usageLines(credentialsPath(dataDir), url)) log(line);
    },
    // One portal account is kept: the default team owner's, the one the operator signs in with.
    async portalAccount(team) {
      const existing = await readCredentials(dataDir);
      return existing?.team === team && existing.portal ? existing.portal : null;
    },
    async savePortalAccount(team, account) {
      const existing = await readCredentials(dataDir);
      if (existing?.team !== team) return;
      await storePortalAccount(dataDir, { url, ...account });
      log(
        `portal sign-in (${account.email}, its password) is in ${credentialsPath(dataDir)}: open ${url}/sign-in`,
      );
    },
  };
}
