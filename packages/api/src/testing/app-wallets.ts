import { proveAppRegistration, type AppSigner } from '../auth/abt-did/app-registration-proof';
import { generateAppWallet } from '../auth/abt-did/app-wallet';

export type { AppSigner } from '../auth/abt-did/app-registration-proof';
export { generateAppWallet as newAppWallet, type AppWallet } from '../auth/abt-did/app-wallet';

export interface AppFields {
  name: string;
  description?: string;
  uuid?: string;
}

/** `apps.create` input for `wallet`'s DID (a fresh wallet by default), proven for the team. */
export async function provenApp(
  teamId: string,
  app: AppFields,
  wallet: AppSigner = generateAppWallet(),
) {
  return { ...app, ...(await proveAppRegistration(teamId, wallet)) };
}
