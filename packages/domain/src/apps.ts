import { z } from 'zod';

import { AppProof } from './app-proof';
import { Label, Text, Timestamp } from './common';

/** A DID as the seed systems write it: `z...` base58, optionally with a `did:abt:` prefix. */
export const Did = z
  .string()
  .trim()
  .regex(
    /^(did:[a-z0-9]+:)?[A-Za-z0-9._-]{1,120}$/,
    'must be a DID such as z8iZ... or did:abt:z8iZ...',
  )
  .transform((did) => did.replace(/^did:[a-z0-9]+:/, ''));

export const App = z.object({
  id: z.uuid(),
  did: z.string(),
  uuid: z.uuid(),
  name: Label,
  description: z.string(),
  createdAt: Timestamp,
  /** When the registrant proved it holds the app's wallet; null for apps registered before. */
  provenAt: Timestamp.nullable(),
  /**
   * When a proven registration by another team took the DID over: the app keeps its history
   * here but no longer receives the wallet's signed requests.
   */
  releasedAt: Timestamp.nullable(),
});
export type App = z.infer<typeof App>;

export const CreateAppInput = z.object({
  did: Did,
  name: Label,
  description: Text.default(''),
  /** The website UUID older clients know this app by; generated when absent. */
  uuid: z.uuid().optional(),
  proof: AppProof,
});
export type CreateAppInput = z.infer<typeof CreateAppInput>;

export const AppRef = z.object({ did: Did });
