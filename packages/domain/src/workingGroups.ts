import { z } from 'zod';
import { IdSchema } from './ids.js';
import { ThematicPrioritySchema } from './priorities.js';
import { MembershipRoleSchema } from './roles.js';
import { multiLineText, singleLineText } from './userText.js';

export const WorkingGroupNameSchema = singleLineText({ max: 200 });
export const WorkingGroupDescriptionSchema = multiLineText({ max: 2000, allowEmpty: true });

export const WorkingGroupSchema = z.object({
  id: IdSchema,
  name: WorkingGroupNameSchema,
  description: WorkingGroupDescriptionSchema,
  thematicPriorities: z.array(ThematicPrioritySchema),
});
export type WorkingGroup = z.infer<typeof WorkingGroupSchema>;

export const MembershipSchema = z.object({
  userId: IdSchema,
  workingGroupId: IdSchema,
  role: MembershipRoleSchema,
});
export type Membership = z.infer<typeof MembershipSchema>;
