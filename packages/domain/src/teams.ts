import { z } from 'zod';

import { Label, Timestamp } from './common';

export const TeamSlug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
    'must be 1-40 lowercase letters, digits or dashes',
  );

export const Team = z.object({
  id: z.uuid(),
  slug: TeamSlug,
  name: Label,
  createdAt: Timestamp,
});
export type Team = z.infer<typeof Team>;

export const CreateTeamInput = z.object({ slug: TeamSlug, name: Label });
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const RenameTeamInput = z.object({ name: Label });
