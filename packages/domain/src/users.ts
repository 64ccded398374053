import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { LanguageSchema } from './languages.js';
import { singleLineText } from './userText.js';

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be an email address' }).max(254));

/** A person's full name as they write it (shown beside their comments, edits and cursor). */
export const PersonNameSchema = singleLineText({ max: 120 });

/** A user as anyone in the workspace may see them (never the password hash). */
export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: PersonNameSchema,
  organisationId: IdSchema,
  isAdmin: z.boolean(),
  language: LanguageSchema,
  createdAt: IsoDateTimeSchema,
});
export type User = z.infer<typeof UserSchema>;
