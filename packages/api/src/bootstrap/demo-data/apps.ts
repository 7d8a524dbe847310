import type { App } from '@opsledger/domain';
import type { ApiCaller } from './demo-context';
import type { DemoRandom } from './demo-random';

const DEMO_APPS = [
  { name: 'Team Portal', description: 'Sign-in, members and passports for the whole team' },
  { name: 'Docs Site', description: 'Public documentation, guides and the changelog' },
  { name: 'Storefront', description: 'Online shop with checkout and order tracking' },
] as const;

/** A Blocklet app DID: base58, starting `z8iZ`, as Blocklet Server issues them. */
const appDid = (random: DemoRandom) => `z8iZ${random.base58(33)}`;

export async function seedApps(api: ApiCaller, random: DemoRandom): Promise<App[]> {
  const apps: App[] = [];
  for (const app of DEMO_APPS) {
    apps.push(await api.apps.create({ ...app, did: appDid(random) }));
  }
  return apps;
}
