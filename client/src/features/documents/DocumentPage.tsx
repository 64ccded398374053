import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { useSessionInfo } from '../../api/auth';
import { useDocument } from '../../api/documents';
import {
  canArchiveDocument,
  canEditDocument,
  canHoldToSuggestions,
} from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { StatusBadge } from '../../ui/StatusBadge';
import { usePageTitle } from '../../ui/usePageTitle';
import { ExportButton } from '../export/ExportButton';
import { ArchiveButton } from './ArchiveButton';
import { DocumentBody } from './DocumentBody';
import { DocumentMetadata } from './DocumentMetadata';
import { RenameForm } from './RenameForm';
import { RetagForm } from './RetagForm';
import { SuggestOnlyForm } from './SuggestOnlyForm';
import { ReviewPanel } from '../review/ReviewPanel';
import { SignoffPanel } from '../signoffs/SignoffPanel';
import { ContributionsPanel } from '../attribution/ContributionsPanel';
import { ActivityPanel } from '../workspace/ActivityPanel';

type Editing = 'none' | 'rename' | 'retag' | 'suggestOnly';

export function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSessionInfo();
  const document = useDocument(id);
  const [editing, setEditing] = useState<Editing>('none');
  usePageTitle(document.data?.title ?? t('documents.title'));

  if (document.isPending) return <Loading />;
  if (document.isError) return <DocumentUnavailable error={document.error} />;

  const doc = document.data;
  // Cosmetic: the server refuses what these hide. Observers and committee members see none.
  const mayEdit = canEditDocument(session, doc);
  const mayArchive = canArchiveDocument(session, doc);
  const mayHold = canHoldToSuggestions(session, doc);

  return (
    <div className="page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to={paths.documents()}>{t('catalogue.title')}</Link>
      </nav>
      <article className="document-page" aria-labelledby="document-title" data-document-id={doc.id}>
        <div className="page-header">
          <div>
            <h1 id="document-title">{doc.title}</h1>
            <StatusBadge status={doc.status} />
          </div>
          <div className="button-row" role="group" aria-label={t('documents.actions')}>
            <ExportButton documentId={doc.id} />
            {mayEdit || mayArchive ? (
              <>
                {mayEdit ? (
                  <>
                    <button
                      type="button"
                      className="button"
                      aria-expanded={editing === 'rename'}
                      onClick={() => setEditing(editing === 'rename' ? 'none' : 'rename')}
                    >
                      {t('documents.rename')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-expanded={editing === 'retag'}
                      onClick={() => setEditing(editing === 'retag' ? 'none' : 'retag')}
                    >
                      {t('documents.retag')}
                    </button>
                  </>
                ) : null}
                {mayHold ? (
                  <button
                    type="button"
                    className="button"
                    aria-expanded={editing === 'suggestOnly'}
                    onClick={() => setEditing(editing === 'suggestOnly' ? 'none' : 'suggestOnly')}
                  >
                    {t('suggestions.holdButton')}
                  </button>
                ) : null}
                {mayArchive ? (
                  <ArchiveButton document={doc} onChanged={() => setEditing('none')} />
                ) : null}
              </>
            ) : null}
          </div>
        </div>
        {doc.status === 'archived' ? (
          <div className="alert alert-info" role="status">
            <p>{t('documents.archivedNotice')}</p>
          </div>
        ) : null}
        {editing === 'rename' && mayEdit ? (
          <RenameForm document={doc} onDone={() => setEditing('none')} />
        ) : null}
        {editing === 'retag' && mayEdit ? (
          <RetagForm document={doc} onDone={() => setEditing('none')} />
        ) : null}
        {editing === 'suggestOnly' && mayHold ? (
          <SuggestOnlyForm document={doc} onDone={() => setEditing('none')} />
        ) : null}
        <div className="document-layout">
          <DocumentBody document={doc} />
          <ReviewPanel document={doc} />
          <SignoffPanel document={doc} />
          <ContributionsPanel documentId={doc.id} />
          <ActivityPanel documentId={doc.id} />
          <aside className="card document-aside" aria-labelledby="document-details-title">
            <h2 id="document-details-title">{t('documents.details')}</h2>
            <DocumentMetadata document={doc} />
          </aside>
        </div>
      </article>
    </div>
  );
}

/** 404 means "not there, or not yours to read" (the server does not say which); 403 the same for us. */
function DocumentUnavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const notFound = isApiError(error, 'not_found');
  const forbidden = isApiError(error, 'forbidden');
  return (
    <div className="page page-narrow">
      <h1>
        {notFound
          ? t('documents.notFoundTitle')
          : forbidden
            ? t('documents.forbiddenTitle')
            : t('documents.title')}
      </h1>
      {notFound ? <p>{t('documents.notFoundBody')}</p> : null}
      {forbidden ? <p>{t('documents.forbiddenBody')}</p> : null}
      {!notFound && !forbidden ? (
        <ErrorAlert error={error} context={t('documents.loadOneFailed')} />
      ) : null}
      <p>
        <Link to={paths.documents()} className="button">
          {t('documents.backToCatalogue')}
        </Link>
      </p>
    </div>
  );
}
