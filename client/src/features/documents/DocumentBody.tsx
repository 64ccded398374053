import type { Language } from '@polisee/domain';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentContent } from '../../api/documents';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';

// The editor bundle is large and only this page uses it: load it when a document opens.
const ReadOnlyDocument = lazy(() =>
  import('../../editor/ReadOnlyDocument').then((m) => ({ default: m.ReadOnlyDocument })),
);

/** The document's text, read-only until live co-editing arrives. */
export function DocumentBody({ documentId, language }: { documentId: string; language: Language }) {
  const { t } = useTranslation();
  const content = useDocumentContent(documentId);

  return (
    <section className="card document-content-card" aria-labelledby="document-content-title">
      <div className="section-header">
        <h2 id="document-content-title">{t('documents.content')}</h2>
        <span className="muted small">{t('documents.readOnlyNote')}</span>
      </div>
      {content.isPending ? <Loading /> : null}
      <ErrorAlert error={content.error} context={t('documents.contentFailed')} />
      {content.data ? (
        <div lang={language}>
          <Suspense fallback={<Loading />}>
            <ReadOnlyDocument content={content.data.json} label={t('documents.contentLabel')} />
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
