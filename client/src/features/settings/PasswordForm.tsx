import { PasswordSchema } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useChangePassword, useSessionInfo } from '../../api/auth';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FieldError } from '../../ui/FieldError';

interface Errors {
  currentPassword?: string;
  newPassword?: string;
  confirm?: string;
}

export function PasswordForm() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (currentPassword === '') found.currentPassword = t('forms.required');
    if (!PasswordSchema.safeParse(newPassword).success)
      found.newPassword = t('forms.passwordLength', { min: 10 });
    if (confirm !== newPassword) found.confirm = t('forms.passwordMismatch');
    setErrors(found);
    setDone(false);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setDone(true);
          setCurrentPassword('');
          setNewPassword('');
          setConfirm('');
        },
      },
    );
  }

  // A wrong current password comes back as `invalid_credentials`: show it at that field.
  const wrongCurrent = isApiError(change.error, 'invalid_credentials')
    ? t('settings.wrongPassword')
    : undefined;
  const serverErrors = isApiError(change.error) ? change.error.fieldErrors() : {};
  const currentError = errors.currentPassword ?? wrongCurrent ?? serverErrors.currentPassword;
  const newError = errors.newPassword ?? serverErrors.newPassword;

  return (
    <section className="card settings-card" aria-labelledby="password-title">
      <h2 id="password-title">{t('settings.passwordTitle')}</h2>
      <form onSubmit={submit} noValidate>
        {/* Lets password managers tie the new password to the account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={session.user.email}
          hidden
          readOnly
        />
        <div className="field">
          <label htmlFor="current-password">{t('settings.currentPassword')}</label>
          <input
            id="current-password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            aria-invalid={currentError ? true : undefined}
            aria-describedby={describedBy(currentError && 'current-password-error')}
            onChange={(e) => setCurrentPassword(e.target.value)}
          />
          <FieldError id="current-password-error" message={currentError} />
        </div>
        <div className="field">
          <label htmlFor="new-password">{t('auth.fields.newPassword')}</label>
          <input
            id="new-password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            aria-invalid={newError ? true : undefined}
            aria-describedby={describedBy('new-password-hint', newError && 'new-password-error')}
            onChange={(e) => setNewPassword(e.target.value)}
          />
          <p id="new-password-hint" className="field-hint">
            {t('forms.passwordHint', { min: 10 })}
          </p>
          <FieldError id="new-password-error" message={newError} />
        </div>
        <div className="field">
          <label htmlFor="confirm-password">{t('auth.fields.confirmPassword')}</label>
          <input
            id="confirm-password"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            value={confirm}
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={describedBy(errors.confirm && 'confirm-password-error')}
            onChange={(e) => setConfirm(e.target.value)}
          />
          <FieldError id="confirm-password-error" message={errors.confirm} />
        </div>
        {wrongCurrent ? null : (
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
