import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { usePageTitle } from '../../ui/usePageTitle';

/** What shows if a screen throws while rendering: a calm message and a way back, never a stack trace. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  usePageTitle(notFound ? t('notFound.title') : t('errors.screenTitle'));
  return (
    <main id="main" className="page page-narrow">
      <h1>{notFound ? t('notFound.title') : t('errors.screenTitle')}</h1>
      <p>{notFound ? t('notFound.body') : t('errors.screenBody')}</p>
      <p>
        {/* A full reload: whatever state broke the screen is dropped with it. */}
        <a href="/" className="button">
          {t('notFound.home')}
        </a>
      </p>
    </main>
  );
}
