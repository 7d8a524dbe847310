#!/usr/bin/env node
// Runs the CLI. After `pnpm build` that is dist/ (plain JavaScript: ~0.5 s less start-up, which
// `opsledger verify <bundle>` notices), as long as no source it was built from has changed since;
// otherwise the TypeScript itself through tsx, so `pnpm opsledger` never needs a build step and
// never runs stale code. It is a bin rather than a root script because pnpm prints a "> script"
// banner on stdout before a script's own output, which would corrupt `--json` answers.
import { readFileSync, statSync } from 'node:fs';
import { URL } from 'node:url';

const dist = new URL('../dist/', import.meta.url);

function builtAndCurrent() {
  try {
    const built = statSync(new URL('main.js', dist)).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('inputs.json', dist), 'utf8'));
    return inputs.every((input) => statSync(new URL(input, dist)).mtimeMs <= built);
  } catch {
    return false; // no build, or one of its sources is gone
  }
}

if (builtAndCurrent()) {
  await import(new URL('main.js', dist).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
