import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apps } from '@opsledger/db';
import { appRegistrationChallenge } from '@opsledger/domain';

import { callerOfApp } from '../compat/did-spaces/app-caller';
import { createTestApi, newAppWallet, provenApp, type TestTeam } from '../testing';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const badRequest = (field: string) => ({
  code: 'BAD_REQUEST',
  message: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}:`)),
});

/** A row as apps.create wrote them before proofs existed. */
async function unprovenApp(team: TestTeam, did: string, name: string) {
  const now = new Date().toISOString();
  await api.database.db.insert(apps).values({
    teamId: team.id,
    id: randomUUID(),
    did,
    uuid: randomUUID(),
    name,
    createdAt: now,
  });
}

const teamOfApp = async (did: string) => (await callerOfApp(api.database, did))?.team.id;

describe('apps.registrationChallenge', () => {
  it("names the caller's team and the DID, in the documented text", async () => {
    const team = await api.newTeam();
    const viewer = await team.as('viewer');
    const { address } = newAppWallet();
    expect(await viewer.apps.registrationChallenge({ did: `did:abt:${address}` })).toEqual({
      teamId: team.id,
      did: address,
      challenge: `opsledger:register-app:v1\nteam:${team.id}\ndid:${address}`,
    });
  });
});

describe('apps.create', () => {
  it('registers an app whose wallet signed the challenge, and says it is proven', async () => {
    const team = await api.newTeam();
    const input = await provenApp(team.id, { name: 'Photo Library' });
    const app = await team.owner.apps.create(input);
    expect(app).toMatchObject({ did: input.did, name: 'Photo Library', releasedAt: null });
    expect(app.provenAt).toBe(app.createdAt);
    expect(await team.owner.apps.list()).toEqual([app]);
    expect(await teamOfApp(input.did)).toBe(team.id);
  });

  it('refuses an app without proof, saying how to give it', async () => {
    const team = await api.newTeam();
    const { address } = newAppWallet();
    // @ts-expect-error: what an older client sends
    const missing = team.owner.apps.create({ did: address, name: 'No proof' });
    await expect(missing).rejects.toMatchObject({
      ...badRequest('proof'),
      message: expect.stringContaining('--wallet-secret-file'),
    });
    expect(await team.owner.apps.list()).toEqual([]);
  });

  it('refuses a DID that is not the DID of a wallet key', async () => {
    const team = await api.newTeam();
    const input = await provenApp(team.id, { name: 'x' });
    await expect(team.owner.apps.create({ ...input, did: 'zNotAWallet' })).rejects.toMatchObject(
      badRequest('did'),
    );
    const malformed = { ...input, proof: { ...input.proof, signature: '0x12' } };
    await expect(team.owner.apps.create(malformed)).rejects.toMatchObject(
      badRequest('proof.signature'),
    );
  });

  it('keeps a squatter without the wallet from registering, and the rightful team can', async () => {
    const [rightful, squatter] = [await api.newTeam(), await api.newTeam()];
    const wallet = newAppWallet();
    const ownProof = await provenApp(rightful.id, { name: 'Real' }, wallet);

    // The rightful team's proof names its own team: replayed by another, it is no proof.
    await expect(squatter.owner.apps.create(ownProof)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^proof\.signature:/),
    });
    // A proof made with the squatter's own wallet does not prove someone else's DID.
    const withOwnKey = await provenApp(squatter.id, { name: 'Fake' });
    await expect(
      squatter.owner.apps.create({ ...withOwnKey, did: wallet.address }),
    ).rejects.toMatchObject(badRequest('proof.publicKey'));
    expect(await squatter.owner.apps.list()).toEqual([]);

    const app = await rightful.owner.apps.create(ownProof);
    expect(app.did).toBe(wallet.address);
    expect(await teamOfApp(wallet.address)).toBe(rightful.id);
    // Proven, the DID is the rightful team's for good.
    await expect(
      squatter.owner.apps.create(await provenApp(squatter.id, { name: 'Again' }, wallet)),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^did:/) });
  });

  it('takes a DID over from an app registered without proof, which keeps its history', async () => {
    const [rightful, squatter] = [await api.newTeam(), await api.newTeam()];
    const wallet = newAppWallet();
    await unprovenApp(squatter, wallet.address, 'Squatted');
    const run = await squatter.owner.syncs.create({
      appDid: wallet.address,
      source: 'a',
      target: 'b',
    });
    expect(await teamOfApp(wallet.address)).toBe(squatter.id);

    const app = await rightful.owner.apps.create(
      await provenApp(rightful.id, { name: 'Mine' }, wallet),
    );

    expect(app.provenAt).not.toBeNull();
    expect(await teamOfApp(wallet.address)).toBe(rightful.id);
    const [released] = await squatter.owner.apps.list();
    expect(released).toMatchObject({ did: wallet.address, provenAt: null });
    expect(released?.releasedAt).toEqual(expect.any(String));
    const kept = await squatter.owner.syncs.list({ appDid: wallet.address });
    expect(kept.items.map((item) => item.id)).toEqual([run.id]);
  });

  it("proves the team's own app registered without proof, keeping it", async () => {
    const team = await api.newTeam();
    const wallet = newAppWallet();
    await unprovenApp(team, wallet.address, 'Old');
    const [before] = await team.owner.apps.list();

    const app = await team.owner.apps.create(await provenApp(team.id, { name: 'New' }, wallet));

    expect(app).toMatchObject({ id: before?.id, name: 'Old', releasedAt: null });
    expect(app.provenAt).toEqual(expect.any(String));
    expect(await team.owner.apps.list()).toEqual([app]);
  });

  it('signs the challenge as it is documented', async () => {
    const team = await api.newTeam();
    const wallet = newAppWallet();
    const { challenge } = await team.owner.apps.registrationChallenge({ did: wallet.address });
    expect(challenge).toBe(appRegistrationChallenge(team.id, wallet.address));
    const proof = { publicKey: wallet.publicKey, signature: wallet.sign(challenge) };
    await expect(
      team.owner.apps.create({ did: wallet.address, name: 'By hand', proof }),
    ).resolves.toMatchObject({ did: wallet.address });
  });
});
