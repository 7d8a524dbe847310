import type { App } from '@opsledger/domain';

import { proveAppRegistration } from '../../auth/abt-did/app-registration-proof';
import { generateAppWallet } from '../../auth/abt-did/app-wallet';
import type { ApiCaller } from './demo-context';

const DEMO_APPS = [
  { name: 'Team Portal', description: 'Sign-in, members and passports for the whole team' },
  { name: 'Docs Site', description: 'Public documentation, guides and the changelog' },
  { name: 'Storefront', description: 'Online shop with checkout and order tracking' },
] as const;

/**
 * Registers the demo apps as any client must: each with a fresh application wallet that
 * signed the team's challenge. The wallets are not kept: no demo app sends signed requests.
 */
export async function seedApps(api: ApiCaller, teamId: string): Promise<App[]> {
  const apps: App[] = [];
  for (const app of DEMO_APPS) {
    const proven = await proveAppRegistration(teamId, generateAppWallet());
    apps.push(await api.apps.create({ ...app, ...proven }));
  }
  return apps;
}
