import type { SearchItem } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Highlighted } from './Highlighted';
import { hitLink } from './hitLink';
import { TypeLabel } from './TypeLabel';

/** One hit: what it is, its title (a link to the match), the text around the match, whose it is. */
export function SearchResult({
  item,
  groupName,
}: {
  item: SearchItem;
  groupName: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const to = hitLink(item);
  const title = <Highlighted text={item.title} ranges={item.titleRanges} />;
  return (
    <li className="search-result" data-testid="search-result" data-search-type={item.type}>
      <TypeLabel type={item.type} />
      <h2 className="search-result-title">{to ? <Link to={to}>{title}</Link> : title}</h2>
      {item.snippet.text ? (
        <p className="search-snippet">
          {item.snippet.cutStart ? '… ' : null}
          <Highlighted text={item.snippet.text} ranges={item.snippet.ranges} />
          {item.snippet.cutEnd ? ' …' : null}
        </p>
      ) : null}
      <p className="search-result-meta muted">
        {/* A reader's hits are all of their own groups; the name is missing only while loading. */}
        {groupName ? `${groupName} · ` : null}
        {item.kind ? `${t(`kinds.${item.kind}`)} · ` : null}
        {item.priorities.map((p) => `${t(`priorities.${p}.name`)} · `).join('')}
        {t('search.updated', { date: format.date(item.updatedAt) })}
      </p>
    </li>
  );
}
