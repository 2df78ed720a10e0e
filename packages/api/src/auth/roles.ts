import { registerEnumType } from 'type-graphql';

/** SPEC §1. PUBLIC is the absence of an actor, not a role. */
export enum Role {
  ADMIN = 'ADMIN',
  FINANCE = 'FINANCE',
  PARTNER_MANAGER = 'PARTNER_MANAGER',
  RESELLER_OWNER = 'RESELLER_OWNER',
  RESELLER_STAFF = 'RESELLER_STAFF',
}
registerEnumType(Role, { name: 'Role', description: 'What an authenticated user or API key may do (SPEC §1).' });

export const STAFF_ROLES = [Role.ADMIN, Role.FINANCE, Role.PARTNER_MANAGER] as const;
export const RESELLER_ROLES = [Role.RESELLER_OWNER, Role.RESELLER_STAFF] as const;
/** Roles allowed to manage applications and resellers (SPEC §1). */
export const PARTNER_TEAM = [Role.ADMIN, Role.PARTNER_MANAGER] as const;

export function isResellerRole(role: Role): boolean {
  return role === Role.RESELLER_OWNER || role === Role.RESELLER_STAFF;
}
