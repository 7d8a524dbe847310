import { mkdir, rm, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Builds the CLI into dist/ as plain JavaScript, so bin/opsledger.mjs starts it without tsx
 * (which costs ~0.5 s of CPU before the first command line is read). The workspace's
 * TypeScript is bundled; every other package stays external, imported from the very file
 * Node would resolve, so third-party code runs as it does through tsx. Split into chunks along
 * the CLI's lazy imports: `verify` loads neither the API client nor the schemas.
 */
const cliDir = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Third-party imports as absolute paths (pnpm links them under the importing package only). */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@opsledger/') || args.path.startsWith('node:')) return undefined;
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const result = await build({
  absWorkingDir: cliDir,
  entryPoints: { main: 'src/main.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['import', 'node'],
  plugins: [externalPackages],
  metafile: true,
  logLevel: 'warning',
});
// What bin/opsledger.mjs checks before it runs the build: the sources it was made from and the
// install (node_modules/.modules.yaml changes with every `pnpm install`), relative to dist/.
const inputs = [
  ...Object.keys(result.metafile.inputs).map((input) => relative(dist, `${cliDir}/${input}`)),
  relative(dist, fileURLToPath(new URL('../../../node_modules/.modules.yaml', import.meta.url))),
];
await writeFile(`${dist}/inputs.json`, `${JSON.stringify(inputs, null, 2)}\n`);
