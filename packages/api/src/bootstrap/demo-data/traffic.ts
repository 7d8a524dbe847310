import { MAX_BATCH, type TrafficHitInput } from '@opsledger/domain';

import type { DemoContext } from './demo-context';
import type { DemoRandom } from './demo-random';
import { documentationIp } from './people';

const PAGES: Record<string, readonly string[]> = {
  'Team Portal': ['/', '/login', '/members', '/passports', '/settings/profile', '/api/session'],
  'Docs Site': [
    '/',
    '/guides/getting-started',
    '/guides/backups',
    '/reference/api',
    '/changelog',
    '/search?q=backup',
  ],
  Storefront: [
    '/',
    '/products/espresso-grinder',
    '/products/pour-over-kettle',
    '/cart',
    '/checkout',
    '/orders/track',
    '/api/cart',
  ],
};
const ASSETS = [
  '/static/app.js',
  '/static/app.css',
  '/static/logo.svg',
  '/fonts/inter.woff2',
  '/favicon.ico',
];
const MISSING = ['/wp-login.php', '/old-pricing', '/products/discontinued-mug', '/.env'];
const REFERRERS = [
  'https://www.google.com/',
  'https://duckduckgo.com/',
  'https://news.ycombinator.com/',
  'https://twitter.com/',
];
const BROWSERS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
];
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** Daily hits per app, lowest and highest. */
const VOLUME: Record<string, readonly [number, number]> = {
  'Team Portal': [10, 25],
  'Docs Site': [25, 50],
  Storefront: [50, 90],
};

interface Visitor {
  visitorId: string;
  ip: string;
  userAgent: string;
}

type Hit = Omit<TrafficHitInput, 'appDid' | 'occurredAt' | 'logBytes'>;

function visitors(random: DemoRandom, count: number): Visitor[] {
  return Array.from({ length: count }, () => ({
    visitorId: `v_${random.hex(12)}`,
    ip: documentationIp(random),
    userAgent: random.pick(BROWSERS),
  }));
}

/** One request: mostly pages and assets, some 404 probes, crawlers (left out) and errors. */
function hit(random: DemoRandom, pages: readonly string[], visitor: Visitor): Hit {
  const base = { method: 'GET', excluded: false, ...visitor };
  const kind = random.weighted([
    ['page', 60],
    ['asset', 30],
    ['missing', 4],
    ['bot', 4],
    ['error', 2],
  ] as const);
  switch (kind) {
    case 'bot':
      return {
        ...base,
        path: random.pick(pages),
        status: 200,
        bytes: random.int(8_000, 60_000),
        durationMs: random.int(20, 200),
        visitorId: 'googlebot',
        userAgent: BOT,
        ip: documentationIp(random),
        excluded: true,
      };
    case 'asset': {
      const cached = random.chance(0.4);
      return {
        ...base,
        path: random.pick(ASSETS),
        status: cached ? 304 : 200,
        bytes: cached ? 0 : random.int(2_000, 250_000),
        durationMs: random.int(1, 15),
      };
    }
    case 'missing':
      return {
        ...base,
        path: random.pick(MISSING),
        status: 404,
        bytes: 1_250,
        durationMs: random.int(3, 20),
      };
    case 'error':
    case 'page': {
      const path = random.pick(pages);
      const failed = kind === 'error';
      return {
        ...base,
        path,
        method: path.startsWith('/api/') && random.chance(0.5) ? 'POST' : 'GET',
        status: failed ? random.pick([500, 502, 503]) : 200,
        bytes: failed ? 300 : random.int(6_000, 90_000),
        durationMs: failed ? random.int(500, 5_000) : random.int(25, 600),
        ...(random.chance(0.25) ? { referrer: random.pick(REFERRERS) } : {}),
      };
    }
  }
}

/** Thirty days of requests to each app, ingested raw in batches as a log shipper would. */
export async function seedTraffic(ctx: DemoContext): Promise<number> {
  const { random } = ctx;
  const items: TrafficHitInput[] = [];
  for (const app of ctx.apps) {
    const pages = PAGES[app.name] ?? ['/'];
    const [low, high] = VOLUME[app.name] ?? [10, 20];
    const crowd = visitors(random, high);
    for (let daysAgo = 29; daysAgo >= 0; daysAgo--) {
      const count = random.int(low, high);
      for (let n = 0; n < count; n++) {
        items.push({
          ...hit(random, pages, random.pick(crowd)),
          appDid: app.did,
          occurredAt: ctx.time.onDay(daysAgo, [0, 23]).toISOString(),
        });
      }
    }
  }
  let inserted = 0;
  for (let start = 0; start < items.length; start += MAX_BATCH) {
    const result = await ctx.api.traffic.ingest({ items: items.slice(start, start + MAX_BATCH) });
    inserted += result.inserted;
  }
  return inserted;
}
