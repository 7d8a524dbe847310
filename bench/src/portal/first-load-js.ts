import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { type BenchResult } from '../measure/report';

const KB = 1024;
/** The target; the goal (120 kB) is printed beside it. */
const TARGET_KB = 150;
const GOAL_KB = 120;

/** The JSON a `page_client-reference-manifest.js` assigns to `globalThis.__RSC_MANIFEST[route]`. */
function readClientManifest(file: string): { entryJSFiles?: Record<string, string[]> } {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('= {', text.indexOf('__RSC_MANIFEST['));
  if (start < 0) throw new Error(`${file}: no client reference manifest found`);
  return JSON.parse(text.slice(start + 2).replace(/;\s*$/, '')) as {
    entryJSFiles?: Record<string, string[]>;
  };
}

/**
 * The JavaScript a browser must fetch before a route is interactive: Next's root chunks (the
 * runtime, React) plus the entry chunks of every layout and the page itself, as the build's
 * client reference manifest lists them. Chunks loaded later (next/dynamic, e.g. the charts)
 * are not first-load. Each file counts once, gzipped.
 */
export function firstLoadJs(nextDir: string, route: string): { bytes: number; files: number } {
  const build = JSON.parse(readFileSync(join(nextDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const manifest = readClientManifest(
    join(nextDir, 'server', 'app', route, 'page_client-reference-manifest.js'),
  );
  const files = new Set([
    ...build.rootMainFiles,
    ...Object.values(manifest.entryJSFiles ?? {}).flat(),
  ]);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(nextDir, file))).length;
  return { bytes, files: files.size };
}

/** The portal's pages: every app route under /t/[team] of the build. */
export function portalRoutes(nextDir: string): string[] {
  const routes = JSON.parse(
    readFileSync(join(nextDir, 'app-path-routes-manifest.json'), 'utf8'),
  ) as Record<string, string>;
  return Object.values(routes)
    .filter((route) => route === '/t/[team]' || route.startsWith('/t/[team]/'))
    .sort();
}

/** (k) First-load JS of each portal route, gzipped, from the production build in `nextDir`. */
export function benchFirstLoadJs(nextDir: string): BenchResult {
  if (!existsSync(join(nextDir, 'build-manifest.json')))
    throw new Error(`no production build in ${nextDir}: run \`pnpm build\` first`);
  const sizes = portalRoutes(nextDir).map((route) => ({ route, ...firstLoadJs(nextDir, route) }));
  if (sizes.length === 0) throw new Error(`the build in ${nextDir} has no /t/[team] routes`);
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
  return {
    name: '(k) portal first-load JS',
    figures:
      `largest route ${largest.route} ${kb(largest.bytes)} gzipped of ${sizes.length} routes` +
      ` (goal <= ${GOAL_KB} kB)`,
    ratio: largest.bytes / KB,
    ratioOf: 'largest route kB',
    target: { comparison: '<=', value: TARGET_KB },
    faults: [],
    details: sizes.map((s) => `${s.route}: ${kb(s.bytes)} in ${s.files} files`),
  };
}
