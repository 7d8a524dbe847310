import { createHash } from 'node:crypto';
import { chmod, link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';

import { checkpointMessage, type Checkpoint } from '@opsledger/domain';

import { readOwnerOnlyJson } from '../../secrets/owner-only-file';

/** The deployment's checkpoint-signing key (Ed25519). */
export interface SigningKey {
  /** Derived from the public key, so the same key always has the same id. */
  id: string;
  publicKey: string;
  sign(checkpoint: Omit<Checkpoint, 'signature' | 'keyId'>): Checkpoint;
}

export const signingKeyFilePath = (dataDir: string) => join(dataDir, 'signing-key.json');

export class SigningKeyError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'SigningKeyError';
  }
}

const SEED = /^[0-9a-f]{64}$/;

/** A key from its 32-byte Ed25519 secret (seed), hex. */
export function signingKeyOf(secretHex: string): SigningKey {
  const secret = Buffer.from(secretHex, 'hex');
  const publicKey = Buffer.from(ed25519.getPublicKey(secret)).toString('hex');
  const id = `ed25519:${createHash('sha256').update(publicKey).digest('hex').slice(0, 16)}`;
  return {
    id,
    publicKey,
    sign(checkpoint) {
      const unsigned = { ...checkpoint, keyId: id };
      const message = new TextEncoder().encode(checkpointMessage(unsigned));
      const signature = Buffer.from(ed25519.sign(message, secret)).toString('hex');
      return { ...unsigned, signature };
    },
  };
}

export const generateSigningSecret = () =>
  Buffer.from(ed25519.utils.randomSecretKey()).toString('hex');

/** `OPSLEDGER_SIGNING_KEY`: the 32-byte secret as 64 hex digits or base64. */
export function parseSigningSecret(value: string): string | null {
  const trimmed = value.trim();
  if (SEED.test(trimmed.toLowerCase())) return trimmed.toLowerCase();
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === 32 && /^[A-Za-z0-9+/]+=*$/.test(trimmed) ? bytes.toString('hex') : null;
}

interface KeyFile {
  secret: string;
  createdAt: string;
}

async function readKeyFile(path: string): Promise<KeyFile | null> {
  // Whoever reads it can sign checkpoints in this deployment's name.
  const parsed = (await readOwnerOnlyJson(
    path,
    (problem) => new SigningKeyError(path, problem),
  )) as Partial<KeyFile> | null;
  if (parsed === null) return null;
  if (typeof parsed.secret !== 'string' || !SEED.test(parsed.secret)) {
    throw new SigningKeyError(path, 'secret: must be 64 lower-case hex digits');
  }
  return { secret: parsed.secret, createdAt: String(parsed.createdAt ?? '') };
}

async function writePartial(path: string, secret: string): Promise<string> {
  const partial = `${path}.${process.pid}.tmp`;
  const body: KeyFile = { secret, createdAt: new Date().toISOString() };
  await writeFile(partial, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  await chmod(partial, 0o600);
  return partial;
}

/**
 * The data directory's key, created (0600) on the first start. Creation links the finished file
 * into place, so two processes starting at once agree on one key.
 */
export async function loadSigningKeyFile(dataDir: string): Promise<SigningKey> {
  const path = signingKeyFilePath(dataDir);
  const existing = await readKeyFile(path);
  if (existing) return signingKeyOf(existing.secret);
  await mkdir(dataDir, { recursive: true });
  const partial = await writePartial(path, generateSigningSecret());
  try {
    await link(partial, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(partial);
  }
  const created = await readKeyFile(path);
  if (!created) throw new SigningKeyError(path, 'vanished while it was being created');
  return signingKeyOf(created.secret);
}

/**
 * Replaces the data directory's key with a fresh one. The old public key stays published (the
 * signing_keys table keeps it, retired) once the server starts with the new one.
 */
export async function rotateSigningKeyFile(dataDir: string): Promise<SigningKey> {
  const path = signingKeyFilePath(dataDir);
  await mkdir(dataDir, { recursive: true });
  const secret = generateSigningSecret();
  await rename(await writePartial(path, secret), path);
  return signingKeyOf(secret);
}

/** The key from the environment when given (`OPSLEDGER_SIGNING_KEY`), else the data directory's. */
export function openSigningKey(config: {
  dataDir: string;
  signingKey?: string | undefined;
}): Promise<SigningKey> {
  if (config.signingKey !== undefined) {
    const secret = parseSigningSecret(config.signingKey);
    if (!secret) {
      throw new SigningKeyError(
        'OPSLEDGER_SIGNING_KEY',
        'must be 32 bytes as 64 hex digits or base64',
      );
    }
    return Promise.resolve(signingKeyOf(secret));
  }
  return loadSigningKeyFile(config.dataDir);
}
