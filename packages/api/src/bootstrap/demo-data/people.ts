import type { DemoRandom } from './demo-random';

/** Someone on the demo team, with the device they usually work from. */
export interface DemoPerson {
  did: string;
  fullName: string;
  role: 'owner' | 'admin' | 'member' | 'guest';
  avatar: string;
  source: string;
  ip: string;
  ua: string;
  env: { browser: { name: string; version: string }; os: { name: string; version: string } };
}

const DEVICES = [
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
    env: {
      browser: { name: 'Chrome', version: '126.0.0.0' },
      os: { name: 'macOS', version: '14.5' },
    },
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
    env: { browser: { name: 'Firefox', version: '127.0' }, os: { name: 'Windows', version: '11' } },
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    env: {
      browser: { name: 'Mobile Safari', version: '17.5' },
      os: { name: 'iOS', version: '17.5' },
    },
  },
  {
    ua: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36',
    env: {
      browser: { name: 'Chrome', version: '125.0.0.0' },
      os: { name: 'Ubuntu', version: '22.04' },
    },
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
    env: {
      browser: { name: 'Edge', version: '126.0.0.0' },
      os: { name: 'Windows', version: '10' },
    },
  },
] as const;

const MEMBERS = [
  { fullName: 'Alice Chen', role: 'owner', source: 'wallet' },
  { fullName: 'Bilal Haddad', role: 'admin', source: 'wallet' },
  { fullName: 'Carmen Ruiz', role: 'member', source: 'passkey' },
  { fullName: 'Dmitri Volkov', role: 'member', source: 'email' },
  { fullName: 'Emeka Okafor', role: 'admin', source: 'github' },
  { fullName: 'Fatima Zahra', role: 'guest', source: 'email' },
] as const;

/** A user DID as DID Wallet makes them: base58, starting `z1`. */
export const userDid = (random: DemoRandom) => `z1${random.base58(33)}`;

/** Addresses from the documentation ranges (RFC 5737), so no real host is named. */
export const documentationIp = (random: DemoRandom) =>
  `${random.pick(['192.0.2', '198.51.100', '203.0.113'])}.${random.int(2, 254)}`;

export function demoPeople(random: DemoRandom): DemoPerson[] {
  return MEMBERS.map((member, index) => {
    const device = DEVICES[index % DEVICES.length] ?? DEVICES[0];
    const did = userDid(random);
    return {
      ...member,
      did,
      avatar: `bn://avatar/${random.hex(32)}.png`,
      ip: documentationIp(random),
      ua: device.ua,
      env: { browser: { ...device.env.browser }, os: { ...device.env.os } },
    };
  });
}
