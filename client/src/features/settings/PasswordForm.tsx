import { ChangePasswordRequestSchema } from '@polisee/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '../../api/ApiError';
import { useChangePassword, useSessionInfo } from '../../api/auth';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { checkNewPassword } from '../../ui/passwordFormRules';
import { usePasswordProblems } from '../../ui/passwordProblems';
import { TextField } from '../../ui/TextField';

const PasswordFormSchema = ChangePasswordRequestSchema.extend({ confirmPassword: z.string() })
  .superRefine((v, ctx) =>
    checkNewPassword(
      v.newPassword,
      v.confirmPassword,
      { password: 'newPassword', repeat: 'confirmPassword' },
      ctx,
    ),
  )
  .transform(({ currentPassword, newPassword }) => ({ currentPassword, newPassword }));
type PasswordFormValues = z.input<typeof PasswordFormSchema>;
const resolver = contractResolver(PasswordFormSchema);
const EMPTY: PasswordFormValues = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function PasswordForm() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const change = useChangePassword();
  const passwordProblems = usePasswordProblems();
  const fieldError = useFieldErrorMessage();
  const [done, setDone] = useState(false);
  const form = useForm<PasswordFormValues, unknown, z.output<typeof PasswordFormSchema>>({
    resolver,
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((request) => {
    setDone(false);
    change.mutate(request, {
      onSuccess: () => {
        setDone(true);
        form.reset(EMPTY);
      },
      onError: (error) =>
        showServerFieldErrors(error, ['currentPassword', 'newPassword'], form.setError),
    });
  });

  // A wrong current password comes back as `invalid_credentials`: show it at that field.
  const wrongCurrent = isApiError(change.error, 'invalid_credentials')
    ? t('settings.wrongPassword')
    : undefined;
  const currentError = fieldError(errors.currentPassword) ?? wrongCurrent;
  // A refused new password says why at its field, in the reader's language.
  const weakNew = passwordProblems.fromError(change.error);
  const newError =
    fieldError(errors.newPassword, { too_short: 'errors.passwordWeaknesses.too_short' }) ?? weakNew;

  return (
    <section className="card settings-card" aria-labelledby="password-title">
      <h2 id="password-title">{t('settings.passwordTitle')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {/* Lets password managers tie the new password to the account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={session.user.email}
          hidden
          readOnly
        />
        <TextField
          id="current-password"
          label={t('settings.currentPassword')}
          type="password"
          autoComplete="current-password"
          error={currentError}
          {...form.register('currentPassword')}
        />
        <TextField
          id="new-password"
          label={t('auth.fields.newPassword')}
          hint={passwordProblems.hint}
          type="password"
          autoComplete="new-password"
          error={newError}
          {...form.register('newPassword')}
        />
        <TextField
          id="confirm-password"
          label={t('auth.fields.confirmPassword')}
          type="password"
          autoComplete="new-password"
          error={fieldError(errors.confirmPassword, { invalid_value: 'forms.passwordMismatch' })}
          {...form.register('confirmPassword')}
        />
        {wrongCurrent || weakNew ? null : (
          <ErrorAlert error={change.error} context={t('settings.passwordFailed')} />
        )}
        {done ? (
          <div className="alert alert-success" role="status">
            <p>{t('settings.passwordChanged')}</p>
          </div>
        ) : null}
        <button type="submit" className="button button-primary" disabled={change.isPending}>
          {t('settings.changePassword')}
        </button>
      </form>
    </section>
  );
}
