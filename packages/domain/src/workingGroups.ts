import { z } from 'zod';
import { IdSchema } from './ids.js';
import { ThematicPrioritySchema } from './priorities.js';
import { MembershipRoleSchema } from './roles.js';

export const WorkingGroupSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(2000),
  thematicPriorities: z.array(ThematicPrioritySchema),
});
export type WorkingGroup = z.infer<typeof WorkingGroupSchema>;

export const MembershipSchema = z.object({
  userId: IdSchema,
  workingGroupId: IdSchema,
  role: MembershipRoleSchema,
});
export type Membership = z.infer<typeof MembershipSchema>;
