import { PASSWORD_POLICY } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { useUpdateProfile } from '../../api/auth';
import { useAcceptInvitation, useInvitationPreview } from '../../api/invitations';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePasswordProblems } from '../../ui/passwordProblems';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';

interface Errors {
  name?: string;
  password?: string;
  confirm?: string;
}

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const format = useFormat();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const updateProfile = useUpdateProfile();
  const passwordProblems = usePasswordProblems();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  usePageTitle(t('auth.invitation.title'));

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    const invalid =
      isApiError(preview.error, 'invitation_invalid') || isApiError(preview.error, 'not_found');
    return (
      <section className="card auth-card" aria-labelledby="invite-title">
        <h1 id="invite-title">{t('auth.invitation.title')}</h1>
        {invalid ? (
          <div className="alert alert-error" role="alert">
            <p>{t('auth.invitation.invalid')}</p>
          </div>
        ) : (
          <ErrorAlert error={preview.error} />
        )}
      </section>
    );
  }

  function validate(): Errors {
    const found: Errors = {};
    if (name.trim() === '') found.name = t('forms.required');
    const tooShort = passwordProblems.check(password);
    if (tooShort) found.password = tooShort;
    if (confirm !== password) found.confirm = t('forms.passwordMismatch');
    return found;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    accept.mutate(
      { name: name.trim(), password },
      {
        onSuccess: async (session) => {
          // The language picked on this page becomes the new user's preference.
          const language = currentLanguage(i18n.language);
          if (session.user.language !== language) {
            await updateProfile.mutateAsync({ language }).catch(() => undefined);
          }
          void navigate(paths.dashboard(), { replace: true });
        },
      },
    );
  }

  const serverErrors = isApiError(accept.error) ? accept.error.fieldErrors() : {};
  const nameError = errors.name ?? fieldError(serverErrors.name);
  // A refused password says why at its field, in the reader's language.
  const weakPassword = passwordProblems.fromError(accept.error);
  const passwordError = errors.password ?? weakPassword ?? fieldError(serverErrors.password);

  return (
    <section className="card auth-card" aria-labelledby="invite-title">
      <h1 id="invite-title">{t('auth.invitation.title')}</h1>
      <p>
        {t('auth.invitation.intro', {
          organisation: preview.data.organisationName,
          email: preview.data.email,
        })}
      </p>
      <dl className="meta-list compact">
        <dt>{t('auth.fields.email')}</dt>
        <dd>{preview.data.email}</dd>
        <dt>{t('auth.invitation.organisation')}</dt>
        <dd>{preview.data.organisationName}</dd>
        <dt>{t('auth.invitation.expires')}</dt>
        <dd>{format.dateTime(preview.data.expiresAt)}</dd>
      </dl>
      <form onSubmit={submit} noValidate>
        <TextField
          id="invite-name"
          label={t('auth.fields.name')}
          name="name"
          autoComplete="name"
          required
          value={name}
          error={nameError}
          onValueChange={setName}
        />
        <TextField
          id="invite-password"
          label={t('auth.fields.newPassword')}
          hint={passwordProblems.hint}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_POLICY.minLength}
          value={password}
          error={passwordError}
          onValueChange={setPassword}
        />
        <TextField
          id="invite-confirm"
          label={t('auth.fields.confirmPassword')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          error={errors.confirm}
          onValueChange={setConfirm}
        />
        {accept.error && isApiError(accept.error, 'invitation_invalid') ? (
          <div className="alert alert-error" role="alert">
            <p>{t('auth.invitation.invalid')}</p>
          </div>
        ) : weakPassword ? null : (
          <ErrorAlert error={accept.error} />
        )}
        <button type="submit" className="button button-primary" disabled={accept.isPending}>
          {t('auth.invitation.submit')}
        </button>
      </form>
    </section>
  );
}
