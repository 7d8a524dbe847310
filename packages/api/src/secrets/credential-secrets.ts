import type { Database, SharedSecretHolder } from '@opsledger/db';

import { perDatabase } from '../process/per-database';
import type { SecretKeyring } from './secret-keyring';

/** The credential tables whose verifiers need the shared secret in clear. */
export type CredentialKind = SharedSecretHolder;

/** Which row a stored secret belongs to: its ciphertext opens for this row only. */
export interface CredentialRow {
  kind: CredentialKind;
  teamId: string;
  /** The access key id, or the HBlock user name. */
  id: string;
}

const identityOf = (row: CredentialRow) => `opsledger:${row.kind}:${row.teamId}:${row.id}`;

/** The keyring belongs with the database whose ciphertexts it opens; start-up binds it. */
const keyrings = perDatabase<SecretKeyring>('secret-keyring', () => {
  throw new Error('no secret keyring is bound to this database (startOpsLedger binds one)');
});

/** Makes `keyring` the one that seals and opens the shared secrets stored in `database`. */
export function bindSecretKeyring(database: Database, keyring: SecretKeyring): void {
  keyrings.set(database, keyring);
}

export const secretKeyringOf = (database: Database): SecretKeyring => keyrings.of(database);

/** What to store for a credential's shared secret: its ciphertext, bound to the row. */
export const sealCredentialSecret = (database: Database, row: CredentialRow, plain: string) =>
  secretKeyringOf(database).seal(plain, identityOf(row));

/** The clear shared secret of a stored row; null when it does not open for this row. */
export const openCredentialSecret = (database: Database, row: CredentialRow, stored: string) =>
  secretKeyringOf(database).open(stored, identityOf(row));
