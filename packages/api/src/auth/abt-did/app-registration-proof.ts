import { appRegistrationChallenge, type AppProof } from '@opsledger/domain';

/** What can sign a registration: `generateAppWallet`'s wallets and @ocap/wallet's alike. */
export interface AppSigner {
  address: string;
  publicKey: string;
  sign(message: string): string | Promise<string>;
}

/** The `did` and `proof` of `apps.create` for `wallet`, registering with the team `teamId`. */
export async function proveAppRegistration(
  teamId: string,
  wallet: AppSigner,
): Promise<{ did: string; proof: AppProof }> {
  const signature = await wallet.sign(appRegistrationChallenge(teamId, wallet.address));
  return { did: wallet.address, proof: { publicKey: wallet.publicKey, signature } };
}
