import { z } from 'zod';

/**
 * Roles a user holds in a working group. The workspace admin is not a membership role:
 * it is a flag on the user (`isAdmin`) because it spans every working group.
 */
export const MEMBERSHIP_ROLES = [
  'sc_member',
  'stc_member',
  'wg_lead',
  'wg_member',
  'observer',
] as const;
export const MembershipRoleSchema = z.enum(MEMBERSHIP_ROLES);
export type MembershipRole = z.infer<typeof MembershipRoleSchema>;

/** Every role a person can be shown as, including the workspace-wide admin. */
export const ROLES = ['admin', ...MEMBERSHIP_ROLES] as const;
export type Role = (typeof ROLES)[number];
