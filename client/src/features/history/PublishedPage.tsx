import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePublished } from '../../api/reviews';
import { useDocument } from '../../api/documents';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ExportButton } from '../export/ExportButton';

const ReadOnlyDocument = lazy(() =>
  import('../blocks/ReadOnlyDocumentWithBlocks').then((m) => ({
    default: m.ReadOnlyDocumentWithBlocks,
  })),
);

/** `/documents/:id/published`: exactly the published version, read-only, while drafting goes on. */
export function PublishedPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const document = useDocument(id);
  const published = usePublished(id);
  usePageTitle(t('published.pageTitle', { title: document.data?.title ?? '' }));
  return (
    <div className="page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to={paths.document(id)}>{document.data?.title ?? t('documents.title')}</Link>
      </nav>
      {published.isPending ? <Loading /> : null}
      {published.isError ? (
        <ErrorAlert error={published.error} context={t('published.loadFailed')} />
      ) : null}
      {published.data ? (
        <article className="card" aria-labelledby="published-title">
          <h1 id="published-title">{t('published.title')}</h1>
          <ExportButton documentId={id} published />
          <p className="muted">
            {t('published.meta', {
              number: published.data.version.number,
              date: format.dateTime(published.data.publication.publishedAt),
            })}
          </p>
          <Suspense fallback={<Loading />}>
            <ReadOnlyDocument
              content={published.data.json}
              label={t('published.title')}
              language={document.data?.language ?? 'en'}
              testId="published-document"
            />
          </Suspense>
        </article>
      ) : null}
    </div>
  );
}
