/**
 * `pnpm rotate-secret-key [--reseal]`: rotates the key that encrypts the shared secrets stored
 * for access keys and HBlock users, with the server's own configuration (the same environment
 * variables). See README.md ("Rotating the secret key").
 */
import { rotateServerSecretKey, type RotationOutcome } from '@opsledger/api';

import { serverConfig } from '../src/env';

const USAGE = 'usage: pnpm rotate-secret-key [--reseal]';

function report(outcome: RotationOutcome): string[] {
  if (outcome.kind === 'env-value') {
    return [
      'The keys come from OPSLEDGER_SECRET_KEYS, which this command cannot change: nothing was changed.',
      'To rotate: 1. set on every server (a new key first, the current ones after it)',
      `  OPSLEDGER_SECRET_KEYS=${outcome.value}`,
      '2. restart them; 3. run `pnpm rotate-secret-key --reseal` with the new value;',
      '4. once it reports 0 unreadable, the old keys may be dropped from the end of the list.',
    ];
  }
  const counts = Object.entries(outcome.counts).map(
    ([kind, c]) =>
      `${kind}: ${c.resealed} re-encrypted, ${c.unchanged} unchanged, ${c.unreadable} unreadable`,
  );
  return [`primary key ${outcome.keyId} (from ${outcome.keySource})`, ...counts];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg !== '--reseal')) throw new Error(USAGE);
  const config = serverConfig();
  const outcome = await rotateServerSecretKey({ config, resealOnly: args.includes('--reseal') });
  for (const line of report(outcome)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(`rotate-secret-key: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
