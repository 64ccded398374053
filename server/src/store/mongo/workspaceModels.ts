import type { Membership, Organisation, WorkingGroup } from '@polisee/domain';
import { Schema, type Types } from 'mongoose';
import type { SessionRecord, StoredInvitation, StoredUser } from '../ports.js';
import {
  base,
  embedded,
  int,
  nullableStr,
  str,
  strings,
  text,
  type SchemaPaths,
  type Stored,
} from './modelParts.js';

/** Organisations, users, working groups, memberships, invitations and sessions. */

export type OrganisationDoc = Stored<Organisation>;
export const organisationSchema = new Schema<OrganisationDoc>(
  { _id: str, name: str, country: str, type: str } satisfies SchemaPaths<OrganisationDoc>,
  { ...base, collection: 'organisations' },
);
organisationSchema.index({ name: 1, _id: 1 }, { name: 'by_name' });

export type UserDoc = Stored<StoredUser>;
export const userSchema = new Schema<UserDoc>(
  {
    _id: str,
    email: str,
    name: str,
    organisationId: str,
    isAdmin: { type: Boolean, required: true },
    language: str,
    passwordHash: nullableStr,
    createdAt: str,
  } satisfies SchemaPaths<UserDoc>,
  { ...base, collection: 'users' },
);
userSchema.index({ email: 1 }, { unique: true, name: 'email_unique' });
userSchema.index({ name: 1, _id: 1 }, { name: 'by_name' });

export type WorkingGroupDoc = Stored<WorkingGroup>;
export const workingGroupSchema = new Schema<WorkingGroupDoc>(
  {
    _id: str,
    name: str,
    description: text,
    thematicPriorities: strings,
  } satisfies SchemaPaths<WorkingGroupDoc>,
  { ...base, collection: 'workingGroups' },
);
workingGroupSchema.index({ name: 1, _id: 1 }, { name: 'by_name' });

/** A membership has no id of its own: the default ObjectId, unique on (user, group). */
export type MembershipDoc = Membership & { _id: Types.ObjectId };
export const membershipSchema = new Schema<MembershipDoc>(
  { userId: str, workingGroupId: str, role: str } satisfies SchemaPaths<Membership>,
  { ...base, collection: 'memberships' },
);
membershipSchema.index({ userId: 1, workingGroupId: 1 }, { unique: true, name: 'user_group' });
membershipSchema.index({ workingGroupId: 1, userId: 1 }, { name: 'by_group' });

export type InvitationDoc = Stored<StoredInvitation>;
type InvitedMembership = NonNullable<InvitationDoc['membership']>;
export const invitationSchema = new Schema<InvitationDoc>(
  {
    _id: str,
    tokenHash: str,
    email: str,
    organisationId: str,
    isAdmin: { type: Boolean, required: true },
    membership: {
      type: new Schema<InvitedMembership>(
        { workingGroupId: str, role: str } satisfies SchemaPaths<InvitedMembership>,
        embedded,
      ),
      default: null,
    },
    createdBy: str,
    createdAt: str,
    expiresAt: str,
    acceptedAt: nullableStr,
  } satisfies SchemaPaths<InvitationDoc>,
  { ...base, collection: 'invitations' },
);
invitationSchema.index({ tokenHash: 1 }, { unique: true, name: 'token_unique' });
// Pending: equality (acceptedAt null), then the sort, then the range on expiry.
invitationSchema.index({ acceptedAt: 1, createdAt: -1, expiresAt: 1 }, { name: 'pending' });

/** A session, keyed by its sid. */
export type SessionDoc = Stored<SessionRecord, 'sid'>;
export const sessionSchema = new Schema<SessionDoc>(
  { _id: str, userId: nullableStr, data: text, expiresAt: int } satisfies SchemaPaths<SessionDoc>,
  { ...base, collection: 'sessions' },
);
sessionSchema.index({ userId: 1 }, { name: 'by_user' });
sessionSchema.index({ expiresAt: 1 }, { name: 'by_expiry' });
