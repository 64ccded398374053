import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Documents · PoliSEE": every screen names itself in the browser tab and for screen readers. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? t('app.pageTitle', { page: title, product }) : product;
  }, [title, product, t]);
}
