import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newAppWallet } from '@opsledger/api/testing';

import { startCliHarness } from '../testing/cli-harness';

let cli: Awaited<ReturnType<typeof startCliHarness>>;
beforeAll(async () => {
  cli = await startCliHarness();
});
afterAll(() => cli.close());

const create = (did: string, ...more: string[]) => [
  'apps',
  'create',
  '--did',
  did,
  '--name',
  'Photo Library',
  ...more,
];

describe('apps create --wallet-secret-file', () => {
  it("registers the app proven by its wallet's key, and lists it as proven", async () => {
    const team = await cli.teamWithCredentials();
    const wallet = newAppWallet();
    const file = await cli.walletFile(wallet);

    const created = await cli.run(create(wallet.address, '--wallet-secret-file', file), team);

    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(
      new RegExp(`^created app Photo Library \\(${wallet.address}, uuid [0-9a-f-]{36}\\)\n$`),
    );
    const listed = await cli.run(['apps', 'list'], team);
    expect(listed.stdout).toMatch(new RegExp(`${wallet.address}\\s+Photo Library.*\\s+proven\\n`));
  });

  it('takes the bare 32-byte seed too, without 0x', async () => {
    const team = await cli.teamWithCredentials();
    const wallet = newAppWallet();
    const file = await cli.walletFile(wallet, wallet.secretKey.slice(2, 66));
    const created = await cli.run(
      create(wallet.address, '--wallet-secret-file', file, '--json'),
      team,
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ did: wallet.address, releasedAt: null });
  });

  it('says how to prove the app when no key is given, and registers nothing', async () => {
    const team = await cli.teamWithCredentials();
    const result = await cli.run(create(newAppWallet().address), team);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^opsledger: --wallet-secret-file: registering an app needs proof/,
    );
    expect(JSON.parse((await cli.run(['apps', 'list', '--json'], team)).stdout)).toEqual([]);
  });

  it("refuses another wallet's key, a file that is no key and a DID no wallet has", async () => {
    const team = await cli.teamWithCredentials();
    const [wallet, other] = [newAppWallet(), newAppWallet()];
    const otherFile = await cli.walletFile(other);
    const wrongKey = await cli.run(create(wallet.address, '--wallet-secret-file', otherFile), team);
    expect(wrongKey).toMatchObject({ code: 1 });
    expect(wrongKey.stderr).toBe(
      `opsledger: --wallet-secret-file: the key in ${otherFile} is the wallet of ` +
        `${other.address}, not of ${wallet.address}\n`,
    );

    const notHex = await cli.walletFile(wallet, 'not a key');
    const garbled = await cli.run(create(wallet.address, '--wallet-secret-file', notHex), team);
    expect(garbled.stderr).toMatch(/^opsledger: --wallet-secret-file: .* must hold .* as hex/);

    const fileOfWallet = await cli.walletFile(wallet);
    const fake = await cli.run(create('zNotAWallet', '--wallet-secret-file', fileOfWallet), team);
    expect(fake.stderr).toMatch(/^opsledger: --did: /);
    expect(JSON.parse((await cli.run(['apps', 'list', '--json'], team)).stdout)).toEqual([]);
  });

  it('cannot register a DID another team proved, even with its key', async () => {
    const [first, second] = [await cli.teamWithCredentials(), await cli.teamWithCredentials()];
    const wallet = newAppWallet();
    const file = await cli.walletFile(wallet);
    expect((await cli.run(create(wallet.address, '--wallet-secret-file', file), first)).code).toBe(
      0,
    );
    const again = await cli.run(create(wallet.address, '--wallet-secret-file', file), second);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/^opsledger: did: /) });
  });
});
