import type { InboxItem } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkThreadRead } from '../../api/threads';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { interpolateNodes, markersFor } from '../../ui/interpolateNodes';

const DATE = markersFor(['date'] as const);

/**
 * One thread in a priority inbox. The document title is the row's one link (stretched over the
 * row by CSS), so keyboard and screen-reader users meet a single stop per thread.
 */
export function InboxThreadRow({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const markRead = useMarkThreadRead();

  return (
    <li
      className={item.unread ? 'inbox-row unread' : 'inbox-row'}
      data-thread-id={item.id}
      data-unread={String(item.unread)}
    >
      <div className="inbox-row-head">
        <Link
          to={paths.documentThread(item.documentId, item.id)}
          className="inbox-row-link"
          // Opening the thread reads it; the inbox shows that on the way back.
          onClick={() => {
            if (item.unread) markRead.mutate(item.id);
          }}
        >
          {item.unread ? <span className="visually-hidden">{t('inbox.unread')} </span> : null}
          {item.documentTitle}
        </Link>
        {item.unread ? (
          <span className="unread-marker" aria-hidden="true">
            {t('inbox.unread')}
          </span>
        ) : null}
      </div>
      <ThreadAnchor item={item} />
      {item.lastExcerpt ? <p className="inbox-row-excerpt">{item.lastExcerpt}</p> : null}
      <p className="inbox-row-meta">
        <span>{t('inbox.messageCount', { count: item.messageCount })}</span>
        <span>
          {interpolateNodes(t('inbox.lastActivity', DATE), {
            date: (
              <time dateTime={item.lastActivityAt}>{format.dateTime(item.lastActivityAt)}</time>
            ),
          })}
        </span>
      </p>
    </li>
  );
}

/** What the thread is about: a passage, a passage since deleted, or the whole document. */
function ThreadAnchor({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  if (item.anchorState === 'document') {
    return <p className="inbox-row-about">{t('inbox.wholeDocument')}</p>;
  }
  if (item.anchorState === 'orphaned') {
    return (
      <div className="inbox-row-quote orphaned">
        <p className="orphaned-marker">
          <span className="badge badge-warning">{t('inbox.textDeleted')}</span>{' '}
          <span className="small muted">{t('inbox.textDeletedHint')}</span>
        </p>
        {item.quote ? <blockquote className="inbox-quote">{item.quote}</blockquote> : null}
      </div>
    );
  }
  return (
    <div className="inbox-row-quote">
      <blockquote className="inbox-quote">{item.quote}</blockquote>
    </div>
  );
}
