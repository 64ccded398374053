import { CURRENT_VERSION } from '@polisee/contracts';
import type { DocumentVersion, PoliDocument } from '@polisee/domain';
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockChanges } from './BlockChanges';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useDocument } from '../../api/documents';
import {
  useDiff,
  useRestoreVersion,
  useSaveVersion,
  useVersionContent,
  useVersions,
} from '../../api/versions';
import { useFormat } from '../../i18n/format';
import { canChangeHistory } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { Loading } from '../../ui/Loading';
import { useRoomSubscription } from '../../realtime/useRoomSubscription';
import { usePageTitle } from '../../ui/usePageTitle';
import { ExportButton } from '../export/ExportButton';

// The read-only renderer carries the editor bundle: load it with the page.
const ReadOnlyDocument = lazy(() =>
  import('../blocks/ReadOnlyDocumentWithBlocks').then((m) => ({
    default: m.ReadOnlyDocumentWithBlocks,
  })),
);

/** `/documents/:id/history`: every version, one read-only, or two compared. */
export function HistoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const document = useDocument(id);
  // New versions (someone saved one, a round froze one) appear without a reload.
  useRoomSubscription('document', document.data ? id : null);
  usePageTitle(t('history.pageTitle', { title: document.data?.title ?? '' }));
  if (document.isPending) return <Loading />;
  if (document.isError)
    return <ErrorAlert error={document.error} context={t('documents.loadOneFailed')} />;
  return <History document={document.data} />;
}

/** A version's name, or what kind of version it is. */
function useVersionLabel() {
  const { t } = useTranslation();
  return (v: DocumentVersion) => v.name ?? t(`history.kinds.${v.kind}`);
}

function History({ document }: { document: PoliDocument }) {
  const { t } = useTranslation();
  const versionLabel = useVersionLabel();
  const format = useFormat();
  const session = useSessionInfo();
  const [params, setParams] = useSearchParams();
  const versions = useVersions(document.id);
  const all = versions.data?.pages.flatMap((p) => p.items) ?? [];
  const view = params.get('view');
  const from = params.get('from');
  const to = params.get('to') ?? CURRENT_VERSION;
  const mayChange = canChangeHistory(session, document);
  const fromId = useId();
  const toId = useId();

  const show = (next: Record<string, string>) => setParams(next, { replace: true });

  return (
    <div className="page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to={paths.document(document.id)}>{document.title}</Link>
      </nav>
      <h1>{t('history.title')}</h1>
      {mayChange ? <SaveVersionForm documentId={document.id} /> : null}
      <div className="history-layout">
        <section className="card" aria-labelledby="versions-title">
          <h2 id="versions-title">{t('history.versions')}</h2>
          {versions.isPending ? <Loading /> : null}
          {versions.isError ? (
            <ErrorAlert error={versions.error} context={t('history.loadFailed')} />
          ) : null}
          <ol className="version-list">
            {all.map((v) => (
              <li
                key={v.id}
                data-version-id={v.id}
                data-version-kind={v.kind}
                className={v.id === view || v.id === from ? 'active' : ''}
              >
                <div>
                  <strong>#{v.number}</strong> {versionLabel(v)}
                </div>
                <div className="muted">
                  <time dateTime={v.createdAt}>{format.dateTime(v.createdAt)}</time> ·{' '}
                  {t(`statuses.${v.documentStatus}`)}
                  {v.contributors.length > 0
                    ? ` · ${t('history.contributors', { count: v.contributors.length })}`
                    : ''}
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => show({ view: v.id })}
                  >
                    {t('history.view')}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => show({ from: v.id, to: CURRENT_VERSION })}
                  >
                    {t('history.compareWithNow')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {versions.hasNextPage ? (
            <LoadMoreButton
              label={t('history.loadMore')}
              loading={versions.isFetchingNextPage}
              onLoadMore={() => void versions.fetchNextPage()}
            />
          ) : null}
        </section>
        <section className="card history-viewer" aria-labelledby="viewer-title">
          {from ? (
            <>
              <h2 id="viewer-title">{t('history.compareTitle')}</h2>
              <div className="comments-filters">
                <div className="field">
                  <label htmlFor={fromId}>{t('history.from')}</label>
                  <select
                    id={fromId}
                    name="from"
                    value={from}
                    onChange={(e) => show({ from: e.target.value, to })}
                  >
                    {all.map((v) => (
                      <option key={v.id} value={v.id}>
                        #{v.number} {versionLabel(v)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={toId}>{t('history.to')}</label>
                  <select
                    id={toId}
                    name="to"
                    value={to}
                    onChange={(e) => show({ from, to: e.target.value })}
                  >
                    <option value={CURRENT_VERSION}>{t('history.current')}</option>
                    {all.map((v) => (
                      <option key={v.id} value={v.id}>
                        #{v.number} {versionLabel(v)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <Comparison document={document} from={from} to={to} />
            </>
          ) : view ? (
            <VersionView document={document} versionId={view} mayRestore={mayChange} />
          ) : (
            <p className="muted" id="viewer-title">
              {t('history.pick')}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}

export function Comparison({
  document,
  from,
  to,
}: {
  document: PoliDocument;
  from: string;
  to: string;
}) {
  const { t } = useTranslation();
  const diff = useDiff(document.id, from, to);
  if (diff.isPending) return <Loading />;
  if (diff.isError) return <ErrorAlert error={diff.error} context={t('history.diffFailed')} />;
  const { inserted, deleted, formatChanged } = diff.data.stats;
  return (
    <>
      <p className="diff-legend" data-testid="diff-stats">
        <ins className="diff-insert">{t('history.inserted', { count: inserted })}</ins>{' '}
        <del className="diff-delete">{t('history.deleted', { count: deleted })}</del>{' '}
        <span className="diff-format">{t('history.formatChanged', { count: formatChanged })}</span>
      </p>
      <BlockChanges changes={diff.data.blockChanges} />
      <Suspense fallback={<Loading />}>
        <ReadOnlyDocument
          content={diff.data.json}
          label={t('history.compareTitle')}
          language={document.language}
          testId="diff-document"
        />
      </Suspense>
    </>
  );
}

function VersionView({
  document,
  versionId,
  mayRestore,
}: {
  document: PoliDocument;
  versionId: string;
  mayRestore: boolean;
}) {
  const { t } = useTranslation();
  const versionLabel = useVersionLabel();
  const content = useVersionContent(document.id, versionId);
  const restore = useRestoreVersion(document.id);
  if (content.isPending) return <Loading />;
  if (content.isError)
    return <ErrorAlert error={content.error} context={t('history.loadFailed')} />;
  const v = content.data.version;
  return (
    <>
      <div className="section-header">
        <h2 id="viewer-title">
          #{v.number} {versionLabel(v)}
        </h2>
        <ExportButton documentId={document.id} versionId={v.id} versionNumber={v.number} />
        {mayRestore ? (
          <button
            type="button"
            className="button"
            data-testid="restore-version"
            disabled={restore.isPending}
            onClick={() => {
              if (window.confirm(t('history.confirmRestore', { number: v.number })))
                restore.mutate(v.id);
            }}
          >
            {t('history.restore')}
          </button>
        ) : null}
      </div>
      {restore.isSuccess ? (
        <p className="alert alert-info" role="status">
          {t('history.restored')}
        </p>
      ) : null}
      {restore.error ? (
        <ErrorAlert error={restore.error} context={t('history.restoreFailed')} />
      ) : null}
      <Suspense fallback={<Loading />}>
        <ReadOnlyDocument
          content={content.data.json}
          label={versionLabel(v)}
          language={document.language}
          testId="version-document"
        />
      </Suspense>
    </>
  );
}

function SaveVersionForm({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const save = useSaveVersion(documentId);
  const [name, setName] = useState('');
  const nameId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name }, { onSuccess: () => setName('') });
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="save-version-form">
      <label htmlFor={nameId}>{t('history.saveAs')}</label>
      <input
        id={nameId}
        name="versionName"
        value={name}
        maxLength={120}
        required
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button" disabled={save.isPending || !name.trim()}>
        {t('history.save')}
      </button>
      {save.error ? <ErrorAlert error={save.error} context={t('history.saveFailed')} /> : null}
    </form>
  );
}
