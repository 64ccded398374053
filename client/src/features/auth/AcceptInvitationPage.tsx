import { AcceptInvitationRequestSchema } from '@polisee/contracts';
import { PASSWORD_POLICY } from '@polisee/domain';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { isApiError } from '../../api/ApiError';
import { useUpdateProfile } from '../../api/auth';
import { useAcceptInvitation, useInvitationPreview } from '../../api/invitations';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { Loading } from '../../ui/Loading';
import { checkNewPassword } from '../../ui/passwordFormRules';
import { usePasswordProblems } from '../../ui/passwordProblems';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';

const AcceptFormSchema = AcceptInvitationRequestSchema.extend({ confirmPassword: z.string() })
  .superRefine((v, ctx) =>
    checkNewPassword(
      v.password,
      v.confirmPassword,
      { password: 'password', repeat: 'confirmPassword' },
      ctx,
    ),
  )
  .transform(({ name, password }) => ({ name, password }));
type AcceptFormValues = z.input<typeof AcceptFormSchema>;
const resolver = contractResolver(AcceptFormSchema);

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
  const form = useForm<AcceptFormValues, unknown, z.output<typeof AcceptFormSchema>>({
    resolver,
    defaultValues: { name: '', password: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
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

  const submit = form.handleSubmit((request) => {
    accept.mutate(request, {
      onSuccess: async (session) => {
        // The language picked on this page becomes the new user's preference.
        const language = currentLanguage(i18n.language);
        if (session.user.language !== language) {
          await updateProfile.mutateAsync({ language }).catch(() => undefined);
        }
        void navigate(paths.dashboard(), { replace: true });
      },
      onError: (error) => showServerFieldErrors(error, ['name', 'password'], form.setError),
    });
  });

  // A refused password says why at its field, in the reader's language.
  const weakPassword = passwordProblems.fromError(accept.error);
  const passwordError =
    fieldError(errors.password, { too_short: 'errors.passwordWeaknesses.too_short' }) ??
    weakPassword;

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
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="invite-name"
          label={t('auth.fields.name')}
          autoComplete="name"
          required
          error={fieldError(errors.name)}
          {...form.register('name')}
        />
        <TextField
          id="invite-password"
          label={t('auth.fields.newPassword')}
          hint={passwordProblems.hint}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_POLICY.minLength}
          error={passwordError}
          {...form.register('password')}
        />
        <TextField
          id="invite-confirm"
          label={t('auth.fields.confirmPassword')}
          type="password"
          autoComplete="new-password"
          required
          error={fieldError(errors.confirmPassword, { invalid_value: 'forms.passwordMismatch' })}
          {...form.register('confirmPassword')}
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
