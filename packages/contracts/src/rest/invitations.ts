import { z } from 'zod';
import {
  EmailSchema,
  IdSchema,
  IsoDateTimeSchema,
  MembershipRoleSchema,
  PasswordSchema,
  PersonNameSchema,
} from '@polisee/domain';

export const CreateInvitationRequestSchema = z.strictObject({
  email: EmailSchema,
  organisationId: IdSchema,
  isAdmin: z.boolean().default(false),
  /** Optional first membership, granted when the invitation is accepted. */
  membership: z.strictObject({ workingGroupId: IdSchema, role: MembershipRoleSchema }).optional(),
});
export type CreateInvitationRequest = z.input<typeof CreateInvitationRequestSchema>;

export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.string(),
  organisationId: IdSchema,
  isAdmin: z.boolean(),
  membership: z.object({ workingGroupId: IdSchema, role: MembershipRoleSchema }).nullable(),
  createdBy: IdSchema,
  createdAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema,
  acceptedAt: IsoDateTimeSchema.nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** Returned once, to the admin who invited: the link carries the only copy of the token. */
export const CreateInvitationResponseSchema = z.object({
  invitation: InvitationSchema,
  acceptPath: z.string(),
});
export type CreateInvitationResponse = z.infer<typeof CreateInvitationResponseSchema>;

export const InvitationPreviewSchema = z.object({
  email: z.string(),
  organisationName: z.string(),
  expiresAt: IsoDateTimeSchema,
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const AcceptInvitationRequestSchema = z.strictObject({
  name: PersonNameSchema,
  password: PasswordSchema,
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequestSchema>;
