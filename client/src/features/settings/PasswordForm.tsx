import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useChangePassword, useSessionInfo } from '../../api/auth';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePasswordProblems } from '../../ui/passwordProblems';
import { TextField } from '../../ui/TextField';

interface Errors {
  currentPassword?: string;
  newPassword?: string;
  confirm?: string;
}

export function PasswordForm() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const change = useChangePassword();
  const passwordProblems = usePasswordProblems();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (currentPassword === '') found.currentPassword = t('forms.required');
    const tooShort = passwordProblems.check(newPassword);
    if (tooShort) found.newPassword = tooShort;
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
  // A refused new password says why at its field, in the reader's language.
  const weakNew = passwordProblems.fromError(change.error);
  const newError = errors.newPassword ?? weakNew ?? serverErrors.newPassword;

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
        <TextField
          id="current-password"
          label={t('settings.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          error={currentError}
          onValueChange={setCurrentPassword}
        />
        <TextField
          id="new-password"
          label={t('auth.fields.newPassword')}
          hint={passwordProblems.hint}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          error={newError}
          onValueChange={setNewPassword}
        />
        <TextField
          id="confirm-password"
          label={t('auth.fields.confirmPassword')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          value={confirm}
          error={errors.confirm}
          onValueChange={setConfirm}
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
