import { ChangePasswordRequestSchema } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractResolver, fieldOf, fieldProblemOf } from './contractResolver';
import { checkNewPassword } from './passwordFormRules';

const PasswordFormSchema = ChangePasswordRequestSchema.extend({
  confirmPassword: z.string(),
}).superRefine((v, ctx) =>
  checkNewPassword(
    v.newPassword,
    v.confirmPassword,
    { password: 'newPassword', repeat: 'confirmPassword' },
    ctx,
  ),
);

async function resolve<T extends z.ZodType>(schema: T, values: Record<string, unknown>) {
  const resolver = contractResolver(schema as z.ZodType<unknown, Record<string, unknown>>);
  const result = await resolver(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
  return Object.fromEntries(
    Object.entries(result.errors).map(([field, error]) => [field, fieldProblemOf(error as never)]),
  );
}

describe('contractResolver', () => {
  it('names each field by the code and limit the server would send', async () => {
    expect(
      await resolve(PasswordFormSchema, {
        currentPassword: '',
        newPassword: 'short',
        confirmPassword: 'other',
      }),
    ).toEqual({
      currentPassword: { code: 'required' },
      newPassword: { code: 'too_short', limit: 12 },
      confirmPassword: { code: 'invalid_value' },
    });
  });

  it('puts an error on an item of a list on the list’s own field', async () => {
    const schema = z.object({ countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(30) });
    expect(await resolve(schema, { countries: ['GR', 'Greece'] })).toEqual({
      countries: { code: 'invalid_format' },
    });
  });

  it('keeps the row of a field array, so the error lands on that row’s input', () => {
    expect(fieldOf('agenda.2.title')).toBe('agenda.2.title');
    expect(fieldOf('agenda.2')).toBe('agenda');
    expect(fieldOf('countries.3')).toBe('countries');
  });

  it('passes the parsed values on when the form is valid', async () => {
    const resolver = contractResolver(PasswordFormSchema);
    const values = {
      currentPassword: 'x',
      newPassword: 'harbour violet kettle',
      confirmPassword: 'harbour violet kettle',
    };
    expect(resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false })).toEqual({
      values,
      errors: {},
    });
  });
});
