import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../api/auth';
import { connectionKeyOf } from '../../realtime/connectionKey';
import { useRealtimeInvalidation } from '../../realtime/useRealtimeInvalidation';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';

/**
 * The gate to the signed-in app: asks `GET /api/auth/me`, sends a 401 to the login page with
 * the address that was asked for, and applies the user's stored language.
 */
export function RequireSession() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const storedLanguage = session.data?.user.language;

  useEffect(() => {
    if (storedLanguage && i18n.language !== storedLanguage)
      void i18n.changeLanguage(storedLanguage);
    // Runs only when the stored preference changes (login, another device), not on every
    // language change: a local switch is applied first and persisted after, and must not be undone.
  }, [storedLanguage, i18n]);

  useRealtimeInvalidation(connectionKeyOf(session.data));

  if (session.isPending) {
    return (
      <main id="main" className="page-centred">
        <Loading />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main id="main" className="page-centred">
        <ErrorAlert error={session.error} context={t('auth.sessionFailed')} />
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </main>
    );
  }
  if (!session.data) {
    return <Navigate to={paths.login(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}
