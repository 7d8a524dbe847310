#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `pnpm opsledger` needs no build step. It is a bin
// rather than a root script because pnpm prints a "> script" banner on stdout before a
// script's own output, which would corrupt `--json` answers.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
