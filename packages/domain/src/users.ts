import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { LanguageSchema } from './languages.js';

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(254));

export const PasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

/** A user as anyone in the workspace may see them (never the password hash). */
export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string().min(1).max(120),
  organisationId: IdSchema,
  isAdmin: z.boolean(),
  language: LanguageSchema,
  createdAt: IsoDateTimeSchema,
});
export type User = z.infer<typeof UserSchema>;
