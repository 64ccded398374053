import type { KnowledgeLink } from '@polisee/contracts';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useKnowledgeEntry } from '../../api/knowledge';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { DocumentKindLabel } from '../../ui/DocumentKindLabel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PriorityTags } from '../../ui/PriorityTags';
import { usePageTitle } from '../../ui/usePageTitle';
import { KnowledgeTags } from './KnowledgePage';
import './knowledge.css';

const ReadOnlyDocument = lazy(() =>
  import('../blocks/ReadOnlyDocumentWithBlocks').then((m) => ({
    default: m.ReadOnlyDocumentWithBlocks,
  })),
);

/**
 * `/knowledge/:id`: an entry's published version, read-only, rendered with the shared schema,
 * with the documents it links to and those that link to it (as far as the reader may open them).
 */
export function KnowledgeEntryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const view = useKnowledgeEntry(id);
  const entry = view.data?.entry;
  usePageTitle(entry?.title ?? t('knowledge.page.title'));
  return (
    <div className="page knowledge-entry-page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to={paths.knowledge()}>{t('knowledge.page.title')}</Link>
      </nav>
      {view.isPending ? <Loading /> : null}
      <ErrorAlert error={view.error} context={t('knowledge.loadFailed')} />
      {view.data && entry ? (
        <div className="knowledge-entry">
          <article className="card" aria-label={entry.title}>
            <p className="muted">
              <DocumentKindLabel kind={entry.kind} />
              {' · '}
              {t('knowledge.meta', {
                group: entry.workingGroup.name,
                countries: format.list(entry.countries.map(format.country)),
                language: t(`languageNames.${entry.language}`),
                date: format.date(entry.publishedAt),
              })}
            </p>
            <PriorityTags priorities={entry.thematicPriorities} />
            <KnowledgeTags tags={entry.tags} />
            {view.data.mayOpenDocument ? (
              <p>
                <Link to={paths.document(entry.documentId)}>{t('knowledge.openDocument')}</Link>
              </p>
            ) : null}
            <Suspense fallback={<Loading />}>
              <ReadOnlyDocument
                content={view.data.json}
                label={entry.title}
                language={entry.language}
                testId="knowledge-document"
              />
            </Suspense>
          </article>
          <aside className="knowledge-links">
            <LinkList
              id="knowledge-links"
              title={t('knowledge.linksTo')}
              links={view.data.links}
              empty={t('common.none')}
            />
            <LinkList
              id="knowledge-referenced-by"
              title={t('knowledge.referencedBy')}
              links={view.data.referencedBy}
              empty={t('knowledge.noReferences')}
            />
          </aside>
        </div>
      ) : null}
    </div>
  );
}

function LinkList(props: { id: string; title: string; links: KnowledgeLink[]; empty: string }) {
  return (
    <section aria-labelledby={props.id} data-testid={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.links.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul>
          {props.links.map((link) => (
            <li key={link.documentId}>
              <Link
                to={
                  link.opensAs === 'knowledge'
                    ? paths.knowledgeEntry(link.documentId)
                    : paths.document(link.documentId)
                }
              >
                {link.title}
              </Link>{' '}
              <DocumentKindLabel kind={link.kind} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
