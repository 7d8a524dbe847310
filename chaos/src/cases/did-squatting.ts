import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromRandom, WalletType } from '@ocap/wallet';

import type { ChaosContext } from '../context';
import { trpcMutation } from '../http/call';
import type { CaseReport } from '../report/case-report';
import { runOpsledger } from '../setup/opsledger-cli';

/** An application wallet as a blocklet has one: Ed25519 keys, SHA3 hashes. */
const appWallet = () => fromRandom(WalletType({ role: 3, pk: 0, hash: 1 }));

/** The wallet's secret key in hex, in a 0600 file, as `--wallet-secret-file` takes it. */
async function secretFile(dataDir: string, name: string, secretKey: string): Promise<string> {
  const path = join(dataDir, `${name}.wallet-secret`);
  await writeFile(path, secretKey, { mode: 0o600 });
  return path;
}

/**
 * Case 6: team B tries to register team A's app DID without holding its wallet: through the
 * API without a proof, and through the CLI with a proof signed by another wallet (its own).
 * Both must be refused. Then team A registers the DID with the wallet's proof through the CLI
 * (`apps create --team --did --name --wallet-secret-file`), and the DID must be A's alone.
 */
export async function didSquatting(ctx: ChaosContext, report: CaseReport): Promise<void> {
  const rightful = await ctx.teams.create('did-owner');
  const squatter = await ctx.teams.create('did-squatter');
  const wallet = appWallet();
  const did = wallet.address;
  const squatterWalletFile = await secretFile(
    ctx.server.dataDir,
    'squatter',
    appWallet().secretKey,
  );
  const rightfulWalletFile = await secretFile(ctx.server.dataDir, 'rightful', wallet.secretKey);

  const create = (team: string, file: string) =>
    runOpsledger(
      [
        'apps',
        'create',
        '--team',
        team,
        '--did',
        did,
        '--name',
        'Chaos app',
        '--wallet-secret-file',
        file,
      ],
      ctx.server.dataDir,
    );
  const viaCliWithWrongWallet = await create(squatter.slug, squatterWalletFile);
  const viaApiWithoutProof = await trpcMutation(
    ctx.server.url,
    squatter.ownerKey,
    'apps.create',
    { did, name: 'Squatted app' },
    10_000,
  );
  const squats =
    (viaCliWithWrongWallet.code === 0 ? 1 : 0) + (viaApiWithoutProof.status === 200 ? 1 : 0);
  const rightfulRun = await create(rightful.slug, rightfulWalletFile);
  const holders = [
    ...((await rightful.owner.apps.list.query()).some((app) => app.did === did) ? ['owner'] : []),
    ...((await squatter.owner.apps.list.query()).some((app) => app.did === did)
      ? ['squatter']
      : []),
  ];

  report.note('squat_attempts', 2);
  report.note('squat_api_status', viaApiWithoutProof.status);
  report.note('squat_cli_exit', viaCliWithWrongWallet.code);
  report.expectZero('squats_accepted', squats);
  const rightfulOk = rightfulRun.code === 0;
  report.expect(
    'rightful_cli_exit',
    rightfulRun.code,
    rightfulOk,
    `must be 0: ${rightfulOk ? '' : (rightfulRun.stderr || rightfulRun.stdout).trim().slice(0, 200)}`,
  );
  const holder = holders.join('+') || 'nobody';
  report.expect('did_held_by', holder, holder === 'owner', 'must be the wallet holder alone');
}
