import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useLogin, useSession } from '../../api/auth';
import { safeNextPath } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePageTitle } from '../../ui/usePageTitle';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const session = useSession();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  usePageTitle(t('auth.login.title'));

  // Already signed in, or just signed in (the login sets the session): go where they were going.
  if (session.data) return <Navigate to={next} replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  }

  return (
    <section className="card auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.login.title')}</h1>
      <p className="muted">{t('auth.login.intro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="login-email">{t('auth.fields.email')}</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('auth.fields.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorAlert error={login.error} />
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </button>
      </form>
      <p className="muted small">{t('auth.login.inviteOnly')}</p>
    </section>
  );
}
