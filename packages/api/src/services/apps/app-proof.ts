import {
  appRegistrationChallenge,
  type AppProof,
  type AppRegistrationChallenge,
} from '@opsledger/domain';

import {
  hexBytes,
  isDidOfPublicKey,
  roleOfDid,
  sha3,
  verifyEd25519,
} from '../../auth/abt-did/abt-did';
import type { ServiceContext } from '../../context';
import { forbidden, invalidField } from '../../errors';

/** The text the app wallet signs to register `did` with the caller's team. */
export function registrationChallenge({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { did: string };
}): AppRegistrationChallenge {
  const teamId = ctx.caller.team.id;
  return { teamId, did: input.did, challenge: appRegistrationChallenge(teamId, input.did) };
}

/**
 * Refuses a registration unless `proof` shows the registrant holds the wallet of `did`: the
 * DID is the DID of the public key, and the key signed this team's challenge for that DID.
 */
export function checkAppProof(teamId: string, did: string, proof: AppProof): void {
  if (roleOfDid(did) === null) {
    throw invalidField(
      'did',
      'must be the ArcBlock DID of an Ed25519/SHA3 wallet (as @ocap/wallet makes them) to be proven',
    );
  }
  const publicKey = hexBytes(proof.publicKey, 32);
  const signature = hexBytes(proof.signature, 64);
  if (!publicKey || !isDidOfPublicKey(did, publicKey)) {
    throw invalidField('proof.publicKey', `is not the public key of the wallet of ${did}`);
  }
  const challenge = sha3(appRegistrationChallenge(teamId, did));
  if (!signature || !verifyEd25519(publicKey, challenge, signature)) {
    throw forbidden(
      "proof.signature: is not the app wallet's signature of this team's registration challenge " +
        '(apps.registrationChallenge)',
    );
  }
}
