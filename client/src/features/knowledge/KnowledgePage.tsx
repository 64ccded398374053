import { KNOWLEDGE_KINDS, THEMATIC_PRIORITIES } from '@polisee/domain';
import type { KnowledgeEntry, KnowledgeFacets } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useKnowledge } from '../../api/knowledge';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { DocumentKindLabel } from '../../ui/DocumentKindLabel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PriorityTags } from '../../ui/PriorityTags';
import { SelectField } from '../../ui/SelectField';
import { usePageTitle } from '../../ui/usePageTitle';
import { knowledgeQueryFrom, type KnowledgeFilter } from './knowledgeQuery';
import './knowledge.css';

/**
 * `/knowledge`: the programme's published training packages and good practices, for everyone
 * in the workspace. The filters live in the address, so a selection can be shared as a link;
 * each choice shows how many entries it would give with the other filters as they are.
 */
export function KnowledgePage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('knowledge.page.title'));
  const [params, setParams] = useSearchParams();
  const query = knowledgeQueryFrom(params);
  const knowledge = useKnowledge(query);

  const set = (key: KnowledgeFilter | 'q', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const facets = knowledge.data?.facets;
  const counted = (facet: keyof KnowledgeFacets, value: string) =>
    facets?.[facet].find((f) => f.value === value)?.count ?? 0;
  const select = (name: KnowledgeFilter, label: string, options: [string, string][]) => (
    <SelectField
      id={`knowledge-${name}`}
      label={label}
      name={name}
      value={query[name] ?? ''}
      onChange={(e) => set(name, e.target.value)}
      error={undefined}
    >
      <option value="">{t('catalogue.all')}</option>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {`${text} (${format.number(counted(name, value))})`}
        </option>
      ))}
    </SelectField>
  );

  return (
    <div className="page knowledge-page">
      <div className="page-header">
        <div>
          <h1>{t('knowledge.page.title')}</h1>
          <p className="muted">{t('knowledge.page.intro')}</p>
        </div>
      </div>
      <form
        className="filters"
        role="search"
        aria-label={t('knowledge.filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="field">
          <span>{t('knowledge.filters.words')}</span>
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ''}
            onChange={(e) => set('q', e.target.value.trim())}
          />
        </label>
        {select(
          'priority',
          t('fields.priority'),
          THEMATIC_PRIORITIES.map((p) => [p, t(`priorities.${p}.name`)]),
        )}
        {select(
          'kind',
          t('fields.kind'),
          KNOWLEDGE_KINDS.map((k) => [k, t(`kinds.${k}`)]),
        )}
        {select(
          'country',
          t('fields.country'),
          (facets?.country ?? [])
            .map((f): [string, string] => [f.value, format.country(f.value)])
            .concat(
              query.country && !counted('country', query.country)
                ? [[query.country, format.country(query.country)]]
                : [],
            ),
        )}
        {select(
          'tag',
          t('knowledge.tags'),
          (facets?.tag ?? [])
            .map((f): [string, string] => [f.value, f.value])
            .concat(query.tag && !counted('tag', query.tag) ? [[query.tag, query.tag]] : []),
        )}
      </form>
      {knowledge.isPending ? <Loading /> : null}
      <ErrorAlert error={knowledge.error} context={t('knowledge.loadFailed')} />
      {knowledge.data ? (
        knowledge.data.items.length === 0 ? (
          <p className="empty-state" data-testid="knowledge-empty">
            {t('knowledge.empty')}
          </p>
        ) : (
          <ul className="knowledge-cards" data-testid="knowledge-cards">
            {knowledge.data.items.map((entry) => (
              <KnowledgeCard key={entry.documentId} entry={entry} />
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

function KnowledgeCard({ entry }: { entry: KnowledgeEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="card knowledge-card" data-testid="knowledge-card">
      <h2>
        <Link to={paths.knowledgeEntry(entry.documentId)} lang={entry.language}>
          {entry.title}
        </Link>
      </h2>
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
      {entry.summary ? <p lang={entry.language}>{entry.summary}</p> : null}
      <KnowledgeTags tags={entry.tags} />
    </li>
  );
}

/** An entry's tags, each a link to the entries that share it. */
export function KnowledgeTags({ tags }: { tags: readonly string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t('knowledge.tags')}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          <Link to={`${paths.knowledge()}?${new URLSearchParams({ tag }).toString()}`}>#{tag}</Link>
        </li>
      ))}
    </ul>
  );
}
