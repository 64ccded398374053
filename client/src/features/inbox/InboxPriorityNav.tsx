import type { InboxCounts } from '@polisee/contracts';
import { THEMATIC_PRIORITIES, type ThematicPriority } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';

interface InboxPriorityNavProps {
  selected: ThematicPriority;
  counts: InboxCounts['priorities'] | undefined;
  /** The current view's query string, kept when switching priority. */
  search: string;
}

/** The six priority inboxes, each with its open threads and an unread badge. */
export function InboxPriorityNav({ selected, counts, search }: InboxPriorityNavProps) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <nav className="inbox-priorities" aria-label={t('inbox.prioritiesLabel')}>
      <ul>
        {THEMATIC_PRIORITIES.map((priority) => {
          const count = counts?.find((c) => c.priority === priority);
          return (
            <li key={priority}>
              <NavLink
                to={{ pathname: paths.inbox(priority), search }}
                className={`inbox-tab priority-${priority}`}
                data-inbox-priority={priority}
                data-selected={priority === selected}
              >
                <span className="inbox-tab-name">{t(`priorities.${priority}.name`)}</span>
                {count ? (
                  <span className="inbox-tab-counts">
                    <span className="inbox-tab-open">
                      {t('inbox.openCount', { count: count.open })}
                    </span>
                    {count.unread > 0 ? (
                      <span className="count-badge" data-testid="inbox-unread-count">
                        <span aria-hidden="true">{format.number(count.unread)}</span>
                        <span className="visually-hidden">
                          {t('inbox.unreadCount', { count: count.unread })}
                        </span>
                      </span>
                    ) : null}
                  </span>
                ) : null}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
