import {
  AppError,
  CountryCodeSchema,
  EmailSchema,
  LanguageSchema,
  OrganisationSchema,
  OrganisationTypeSchema,
  PasswordSchema,
  UserSchema,
  type Language,
  type Organisation,
  type OrganisationType,
  type User,
} from '@polisee/domain';
import { z } from 'zod';
import type { ServiceContext } from '../services/context.js';
import { assertStrongPassword, generatePassword } from '../services/passwordPolicy.js';
import { hashPassword } from '../services/passwords.js';

/**
 * The first administrator of a production workspace (where demo users never exist): an admin
 * account in an organisation (found by name, or created), through the store port. Everyone
 * else is then invited from the Admin page.
 *
 * The password is never taken from the command line or the environment (shell history, `ps`,
 * container inspection): it is either read from standard input (`--password-stdin`) or
 * generated here and shown once, to be changed at first sign-in. Either passes the password
 * policy, like every password a person sets.
 */
export const CreateAdminInputSchema = z.strictObject({
  email: EmailSchema,
  name: UserSchema.shape.name,
  organisation: OrganisationSchema.shape.name,
  country: CountryCodeSchema,
  type: OrganisationTypeSchema.default('public_authority'),
  language: LanguageSchema.default('en'),
  /** Absent: one is generated and returned once. */
  password: PasswordSchema.optional(),
});
export type CreateAdminInput = z.input<typeof CreateAdminInputSchema>;

export interface CreatedAdmin {
  user: User;
  organisation: Organisation;
  createdOrganisation: boolean;
  /** The generated password (null when one was given): shown once, stored only as a hash. */
  generatedPassword: string | null;
}

export async function createAdmin(
  ctx: ServiceContext,
  input: CreateAdminInput,
): Promise<CreatedAdmin> {
  const parsed = CreateAdminInputSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || 'input',
      message: i.message,
    }));
    throw new AppError(
      'validation_failed',
      details.map((d) => `--${d.path}: ${d.message}`).join('; '),
      details,
    );
  }
  const req = parsed.data;
  const owner = { email: req.email, name: req.name, organisation: req.organisation };
  if (req.password) await assertStrongPassword(req.password, owner);
  if (await ctx.store.users.getByEmail(req.email)) {
    throw new AppError('conflict', `A user with the email ${req.email} already exists.`);
  }

  let organisation = (await ctx.store.organisations.list()).find(
    (o) => o.name === req.organisation,
  );
  let createdOrganisation = false;
  if (organisation && organisation.country !== req.country) {
    throw new AppError(
      'conflict',
      `The organisation "${organisation.name}" exists already, in ${organisation.country}, not ${req.country}.`,
    );
  }
  if (!organisation) {
    organisation = {
      id: ctx.newId(),
      name: req.organisation,
      country: req.country,
      type: req.type as OrganisationType,
    };
    await ctx.store.organisations.create(organisation);
    createdOrganisation = true;
  }

  const generatedPassword = req.password ? null : await generatePassword([owner]);
  const user: User = {
    id: ctx.newId(),
    email: req.email,
    name: req.name,
    organisationId: organisation.id,
    isAdmin: true,
    language: req.language as Language,
    createdAt: ctx.now().toISOString(),
  };
  await ctx.store.users.create({
    ...user,
    passwordHash: await hashPassword(req.password ?? generatedPassword!),
  });
  return { user, organisation, createdOrganisation, generatedPassword };
}
