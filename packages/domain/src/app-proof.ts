import { z } from 'zod';

/** How the CLI gives the proof; every refusal of a missing proof says so. */
export const APP_PROOF_HOW_TO =
  'sign the challenge of apps.registrationChallenge with the app wallet ' +
  '(pnpm opsledger apps create --team <slug> --did <did> --name <name> ' +
  '--wallet-secret-file <file with the hex secret key>)';

/**
 * The text an app wallet signs to register its DID with a team. Naming the team's id makes a
 * proof useless to any other team; the version line lets the text change without old proofs
 * meaning something new.
 */
export const appRegistrationChallenge = (teamId: string, did: string) =>
  `opsledger:register-app:v1\nteam:${teamId}\ndid:${did}`;

/** Hex as @ocap/wallet writes keys and signatures: `0x` (optional here) and the digits. */
const hexOfBytes = (bytes: number, what: string) =>
  z
    .string()
    .trim()
    .regex(
      new RegExp(`^(0x)?[0-9a-fA-F]{${bytes * 2}}$`),
      `must be ${what}: 0x and ${bytes * 2} hex digits`,
    );

/**
 * Proof that the registrant holds the app's wallet: its public key and its signature over
 * the registration challenge, as @ocap/wallet makes them (`wallet.publicKey`,
 * `await wallet.sign(challenge)`: Ed25519 over SHA3-256 of the text).
 */
export const AppProof = z.object(
  {
    publicKey: hexOfBytes(32, 'the Ed25519 public key of the app wallet'),
    signature: hexOfBytes(64, "the app wallet's Ed25519 signature of the challenge"),
  },
  {
    error: (issue) =>
      issue.input === undefined
        ? `registering an app needs proof of its wallet: ${APP_PROOF_HOW_TO}`
        : undefined,
  },
);
export type AppProof = z.infer<typeof AppProof>;

export const AppRegistrationChallenge = z.object({
  teamId: z.uuid(),
  did: z.string(),
  /** The exact text to sign. */
  challenge: z.string(),
});
export type AppRegistrationChallenge = z.infer<typeof AppRegistrationChallenge>;
