import { LoginRequestSchema, type LoginRequest } from '@polisee/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useLogin, useSession } from '../../api/auth';
import { safeNextPath } from '../../routes/paths';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';

const resolver = contractResolver(LoginRequestSchema);

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const session = useSession();
  const login = useLogin();
  const fieldError = useFieldErrorMessage();
  const form = useForm<LoginRequest>({ resolver, defaultValues: { email: '', password: '' } });
  const { errors } = form.formState;
  usePageTitle(t('auth.login.title'));

  // Already signed in, or just signed in (the login sets the session): go where they were going.
  if (session.data) return <Navigate to={next} replace />;

  // The schema trims and lowercases the email, as the server does.
  const submit = form.handleSubmit((request) => login.mutate(request));

  return (
    <section className="card auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.login.title')}</h1>
      <p className="muted">{t('auth.login.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="login-email"
          label={t('auth.fields.email')}
          type="email"
          autoComplete="username"
          required
          error={fieldError(errors.email, { invalid_format: 'forms.invalidEmail' })}
          {...form.register('email')}
        />
        <TextField
          id="login-password"
          label={t('auth.fields.password')}
          type="password"
          autoComplete="current-password"
          required
          error={fieldError(errors.password)}
          {...form.register('password')}
        />
        <ErrorAlert error={login.error} />
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </button>
      </form>
      <p className="muted small">{t('auth.login.inviteOnly')}</p>
    </section>
  );
}
