import { z } from 'zod';
import {
  CountryCodeSchema,
  IdSchema,
  MembershipRoleSchema,
  OrganisationNameSchema,
  OrganisationTypeSchema,
  ThematicPrioritySchema,
  UserSchema,
  WorkingGroupDescriptionSchema,
  WorkingGroupNameSchema,
  WorkingGroupSchema,
} from '@polisee/domain';

export const CreateOrganisationRequestSchema = z.strictObject({
  name: OrganisationNameSchema,
  country: CountryCodeSchema,
  type: OrganisationTypeSchema,
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequestSchema>;

export const CreateWorkingGroupRequestSchema = z.strictObject({
  name: WorkingGroupNameSchema,
  description: WorkingGroupDescriptionSchema.default(''),
  thematicPriorities: z.array(ThematicPrioritySchema).min(1),
});
export type CreateWorkingGroupRequest = z.input<typeof CreateWorkingGroupRequestSchema>;

export const UpdateWorkingGroupRequestSchema = z
  .strictObject({
    name: WorkingGroupNameSchema.optional(),
    description: WorkingGroupDescriptionSchema.optional(),
    thematicPriorities: z.array(ThematicPrioritySchema).min(1).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change' });
export type UpdateWorkingGroupRequest = z.infer<typeof UpdateWorkingGroupRequestSchema>;

/** A working group as listed to a user: with their own role in it, if any. */
export const WorkingGroupSummarySchema = WorkingGroupSchema.extend({
  myRole: MembershipRoleSchema.nullable(),
  memberCount: z.number().int().nonnegative(),
});
export type WorkingGroupSummary = z.infer<typeof WorkingGroupSummarySchema>;

export const SetMembershipRequestSchema = z.strictObject({ role: MembershipRoleSchema });
export type SetMembershipRequest = z.infer<typeof SetMembershipRequestSchema>;

export const MemberSchema = z.object({
  user: UserSchema.pick({ id: true, name: true, email: true, organisationId: true }),
  role: MembershipRoleSchema,
});
export type Member = z.infer<typeof MemberSchema>;

export const IdParamSchema = z.object({ id: IdSchema });
