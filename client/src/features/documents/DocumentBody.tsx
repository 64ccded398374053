import type { PoliDocument } from '@polisee/domain';
import { presenceIdentity } from '@polisee/domain';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../api/auth';
import { canComment, mustSuggest, readOnlyReason } from '../../permissions/permissions';
import { Loading } from '../../ui/Loading';
import { loadLiveDocument } from './loadLiveDocument';

// The editor and Yjs are large and only this page uses them: load them when a document opens
// (the route has usually asked for them already, see documentRoute).
const LiveDocument = lazy(() => loadLiveDocument().then((m) => ({ default: m.LiveDocument })));

const READ_ONLY_NOTE_ID = 'document-read-only-note';

/** The document's text, co-edited live (read-only for those who may not edit). */
export function DocumentBody({ document }: { document: PoliDocument }) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  // Cosmetic like every permission in the client: the server drops a read-only member's updates
  // and closes a suggest-only member's connection on anything but a suggestion (decision 0063).
  const suggestOnly = mustSuggest(session, document);
  const readOnly = suggestOnly ? null : readOnlyReason(session, document);
  const { id: userId, name } = session.user;
  const organisation = session.organisation.name;
  const identity = useMemo(
    () => presenceIdentity({ id: userId, name }, { name: organisation }),
    [userId, name, organisation],
  );

  return (
    <section className="card document-content-card" aria-labelledby="document-content-title">
      <div className="section-header">
        <h2 id="document-content-title">{t('documents.content')}</h2>
        {readOnly ? (
          <span className="badge badge-read-only">{t('collab.readOnly.badge')}</span>
        ) : null}
      </div>
      {readOnly ? (
        <p id={READ_ONLY_NOTE_ID} className="read-only-note">
          {readOnly === 'archived' ? t('collab.readOnly.archived') : t('collab.readOnly.role')}
        </p>
      ) : null}
      <Suspense fallback={<Loading />}>
        <LiveDocument
          document={document}
          mayComment={canComment(session, document)}
          identity={identity}
          readOnly={readOnly !== null}
          readOnlyNoteId={readOnly ? READ_ONLY_NOTE_ID : undefined}
          suggestOnly={suggestOnly}
        />
      </Suspense>
    </section>
  );
}
