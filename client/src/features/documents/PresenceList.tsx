import type { PresenceIdentity } from '@polisee/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import { initialsOf, type PresentUser } from '../../collab/presence';
import { usePresence } from '../../collab/usePresence';

/** Avatars shown before "+N": a workshop can have a hundred people in one document. */
const MAX_VISIBLE = 8;

/** Everyone in the document now, as avatars in their caret colour; yourself first. */
export function PresenceList({
  provider,
  self,
}: {
  provider: WebsocketProvider | null;
  self: PresenceIdentity;
}) {
  const { t, i18n } = useTranslation();
  const users = usePresence(provider, self, i18n.language);
  const [expanded, setExpanded] = useState(false);
  const hidden = users.length - MAX_VISIBLE;

  function labelOf(user: PresentUser) {
    const who = user.organisation
      ? t('collab.presence.person', { name: user.name, organisation: user.organisation })
      : user.name;
    return user.isSelf ? t('collab.presence.you', { name: who }) : who;
  }

  return (
    <div className="presence">
      <ul
        data-testid="presence"
        className="presence-list"
        aria-label={t('collab.presence.label', { n: users.length })}
      >
        {users.map((user, i) => {
          const label = labelOf(user);
          return (
            <li
              key={user.id}
              data-presence-user-id={user.id}
              data-self={user.isSelf || undefined}
              className={user.isSelf ? 'presence-user presence-self' : 'presence-user'}
              hidden={!expanded && i >= MAX_VISIBLE}
              title={label}
            >
              <span
                className="presence-avatar"
                style={{ backgroundColor: user.color }}
                aria-hidden="true"
              >
                {initialsOf(user.name, i18n.language)}
              </span>
              <span className="visually-hidden">{label}</span>
              {user.isSelf ? (
                <span className="presence-you" aria-hidden="true">
                  {t('collab.presence.youShort')}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {hidden > 0 ? (
        <button
          type="button"
          className="button button-quiet presence-more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('collab.presence.showFewer') : t('collab.presence.showAll', { n: hidden })}
        </button>
      ) : null}
    </div>
  );
}
