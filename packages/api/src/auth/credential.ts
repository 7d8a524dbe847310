import type { Role } from '@opsledger/domain';

/**
 * What a caller proved itself with: a key of the team (API key, access key, HBlock user, an
 * app's DID, or the process itself at start-up), or a person signed in to the portal.
 */
export type Credential = { kind: 'api-key'; keyId: string } | { kind: 'member'; userId: string };

/**
 * Who is calling: always one team, from the credential (for a person, their membership of the
 * team the portal names), never from input.
 */
export interface Caller {
  team: { id: string; slug: string; name: string };
  credential: Credential;
  role: Role;
}

/** A caller acting with a key (or as the process itself, `keyId` naming why). */
export const keyCaller = (team: Caller['team'], keyId: string, role: Role): Caller => ({
  team,
  credential: { kind: 'api-key', keyId },
  role,
});
