import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { ROUTES, type Route } from '@opsledger/api';

/**
 * Requests are routed twice: Next picks a route file by its folders, then the API's one entry
 * picks an endpoint by ROUTES' patterns. This keeps the two tables in step: a route file that
 * hands its requests to the API reaches exactly one endpoint, with the parameters its folders
 * name, and every endpoint has a route file that reaches it.
 */

const APP_DIR = fileURLToPath(new URL('../app', import.meta.url));

interface RouteFile {
  file: string;
  /** Whether it hands its requests to the API's one entry (serve-request.ts). */
  servedByApi: boolean;
  /** URL paths Next serves from it, with the value each dynamic folder takes in that path. */
  samples: { path: string; params: Record<string, string> }[];
}

function routeFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFilesUnder(path);
    return entry.name === 'route.ts' ? [path] : [];
  });
}

type Sample = RouteFile['samples'][number];

/** Extends each path by one folder, as Next's App Router reads it. */
function throughFolder(samples: Sample[], folder: string): Sample[] {
  // Route groups and parallel-route slots add nothing to the URL.
  if (/^\(.*\)$/.test(folder) || folder.startsWith('@')) return samples;
  const optionalCatchAll = /^\[\[\.\.\.(.+)\]\]$/.exec(folder)?.[1];
  const catchAll = /^\[\.\.\.(.+)\]$/.exec(folder)?.[1];
  const dynamic = /^\[(.+)\]$/.exec(folder)?.[1];
  const extend = (name: string, value: string) =>
    samples.map(({ path, params }) => ({
      path: `${path}/${value}`,
      params: { ...params, [name]: value },
    }));
  if (optionalCatchAll) return [...samples, ...extend(optionalCatchAll, 'a/b')];
  if (catchAll) return extend(catchAll, 'a/b');
  if (dynamic) return extend(dynamic, `sample-${dynamic}`);
  // `%5F` is how a folder's name starts with an underscore without making it private.
  const segment = decodeURIComponent(folder);
  return samples.map(({ path, params }) => ({ path: `${path}/${segment}`, params }));
}

function readRouteFile(file: string): RouteFile | null {
  const folders = relative(APP_DIR, file).split(sep).slice(0, -1);
  // A folder whose name starts with `_` is private: Next serves nothing under it.
  if (folders.some((folder) => folder.startsWith('_'))) return null;
  const samples = folders.reduce(throughFolder, [{ path: '', params: {} }]);
  return {
    file: relative(APP_DIR, file),
    servedByApi: /\bserveRequest\b/.test(readFileSync(file, 'utf8')),
    samples: samples.map(({ path, params }) => ({ path: path || '/', params })),
  };
}

const ROUTE_FILES = routeFilesUnder(APP_DIR).flatMap((file) => readRouteFile(file) ?? []);
const matching = (path: string): Route[] => ROUTES.filter((route) => route.pattern.test(path));

describe('the Next route files and the API route table', () => {
  it('finds every route file, the escaped and dotted folders included', () => {
    const paths = ROUTE_FILES.flatMap(({ samples }) => samples.map(({ path }) => path));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/__blocklet__.js',
        '/.well-known/service/api/did-space/audit-logs',
        '/api/trpc/sample-trpc',
        '/api/health',
      ]),
    );
  });

  it.each(ROUTE_FILES.filter((route) => route.servedByApi))(
    '$file reaches exactly one endpoint, with the parameters its folders name',
    ({ samples }) => {
      for (const { path, params } of samples) {
        const [route, ...others] = matching(path);
        expect(route, path).toBeDefined();
        expect(others, `${path} is matched by more than one route`).toEqual([]);
        const groups = route?.pattern.exec(path)?.groups ?? {};
        expect(groups, path).toMatchObject(params);
      }
    },
  );

  it.each(ROUTE_FILES.filter((route) => !route.servedByApi))(
    '$file answers by itself: no endpoint claims its path',
    ({ samples }) => {
      for (const { path } of samples) expect(matching(path), path).toEqual([]);
    },
  );

  it.each(ROUTES.map((route) => ({ route, pattern: String(route.pattern) })))(
    'endpoint $pattern has a route file that hands it requests',
    ({ route }) => {
      const reaching = ROUTE_FILES.filter(
        ({ servedByApi, samples }) =>
          servedByApi && samples.some(({ path }) => route.pattern.test(path)),
      );
      expect(reaching).not.toEqual([]);
    },
  );
});
