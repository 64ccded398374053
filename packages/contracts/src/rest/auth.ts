import { z } from 'zod';
import {
  EmailSchema,
  IdSchema,
  LanguageSchema,
  MembershipSchema,
  OrganisationSchema,
  PasswordSchema,
  PersonNameSchema,
  UserSchema,
} from '@polisee/domain';

export const LoginRequestSchema = z.strictObject({
  email: EmailSchema,
  // Login accepts any non-empty string: length rules apply when a password is set, not when it is checked.
  password: z.string().min(1, 'must not be empty').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** The signed-in user with what the client needs to render their workspace. */
export const SessionInfoSchema = z.object({
  user: UserSchema,
  organisation: OrganisationSchema,
  memberships: z.array(MembershipSchema),
  /** Documents of other groups the user reads and comments on as a workshop guest. */
  guestDocumentIds: z.array(IdSchema),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

export const UpdateProfileRequestSchema = z
  .strictObject({
    name: PersonNameSchema.optional(),
    language: LanguageSchema.optional(),
  })
  .refine((v) => v.name !== undefined || v.language !== undefined, {
    message: 'give at least one of name, language',
  });
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequestSchema>;
