import { z } from 'zod';

import { Label } from './common';
import { CredentialTimes } from './credential-kinds';

export const ROLES = ['owner', 'admin', 'member', 'viewer', 'service'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * What each role may do. Viewers read; members and services also write records; admins also
 * manage keys and apps; owners also manage the team itself.
 */
export const PERMISSIONS = ['read', 'write', 'manage', 'own'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['read'],
  service: ['read', 'write'],
  member: ['read', 'write'],
  admin: ['read', 'write', 'manage'],
  owner: ['read', 'write', 'manage', 'own'],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Roles a caller may hand out: never one above its own. */
export function canGrant(granter: Role, role: Role): boolean {
  if (granter === 'owner') return true;
  return granter === 'admin' && role !== 'owner';
}

export const ApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  role: Role,
  prefix: z.string(),
  ...CredentialTimes.shape,
});
export type ApiKey = z.infer<typeof ApiKey>;

export const CreateApiKeyInput = z.object({
  role: Role,
  name: Label.default('api key'),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

/** A new key: the secret is shown this once and never stored. */
export const CreatedApiKey = z.object({ id: z.uuid(), secret: z.string(), role: Role });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;
