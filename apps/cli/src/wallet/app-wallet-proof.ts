import { readFile } from 'node:fs/promises';
import { isValid, toTypeInfo } from '@arcblock/did';
import { fromSecretKey } from '@ocap/wallet';

import type { OpsLedgerClient } from '@opsledger/client';
import type { AppProof } from '@opsledger/domain';

import { CliError } from '../cli-error';

const FLAG = '--wallet-secret-file';
/** @ocap/wallet's Ed25519 secret keys: the 32-byte seed, or seed || public key (64 bytes). */
const SECRET_KEY_HEX = /^(0x)?([0-9a-f]{64}|[0-9a-f]{128})$/i;

async function readSecretKey(file: string): Promise<string> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${FLAG}: cannot read ${file}: ${reason}`);
  }
  if (!SECRET_KEY_HEX.test(text)) {
    throw new CliError(
      `${FLAG}: ${file} must hold the app wallet's secret key as hex (64 or 128 digits, 0x optional)`,
    );
  }
  return text.startsWith('0x') ? text : `0x${text}`;
}

/**
 * The proof for `apps.create`: the wallet whose secret key is in `file` must be the wallet of
 * `did`; it signs the challenge the API names for the caller's team.
 */
export async function proveAppWallet(
  client: OpsLedgerClient,
  did: string,
  file: string | undefined,
): Promise<AppProof> {
  if (file === undefined) {
    throw new CliError(
      `${FLAG}: registering an app needs proof that you hold its wallet: ` +
        `give the file holding the app wallet's secret key (hex), e.g. ${FLAG} app-wallet.key`,
    );
  }
  const secretKey = await readSecretKey(file);
  if (!isValid(did)) throw new CliError(`--did: ${did} is not an ArcBlock DID`);
  const wallet = fromSecretKey(secretKey, toTypeInfo(did));
  const address = did.replace(/^did:abt:/, '');
  if (wallet.address !== address) {
    throw new CliError(
      `${FLAG}: the key in ${file} is the wallet of ${wallet.address}, not of ${address}`,
    );
  }
  const { challenge } = await client.apps.registrationChallenge.query({ did: address });
  return { publicKey: wallet.publicKey, signature: await wallet.sign(challenge) };
}
