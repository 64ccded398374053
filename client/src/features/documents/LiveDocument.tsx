import type { Language, PresenceIdentity } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { useCollabSession } from '../../collab/useCollabSession';
import { useUnsyncedChangesWarning } from '../../collab/useUnsyncedChangesWarning';
import { CollaborativeEditor } from '../../editor/CollaborativeEditor';
import { Loading } from '../../ui/Loading';
import { CollabStatusIndicator } from './CollabStatusIndicator';
import { PresenceList } from './PresenceList';

interface LiveDocumentProps {
  documentId: string;
  language: Language;
  identity: PresenceIdentity;
  readOnly: boolean;
  /** Id of the visible explanation of why the document is read-only. */
  readOnlyNoteId?: string;
}

/**
 * The document's text, live: the collaboration session, who is here, whether everything is
 * saved, and the editor. Loaded on demand with the editor bundle (see DocumentBody).
 */
export function LiveDocument({
  documentId,
  language,
  identity,
  readOnly,
  readOnlyNoteId,
}: LiveDocumentProps) {
  const { t } = useTranslation();
  const session = useCollabSession(documentId, identity, readOnly);
  useUnsyncedChangesWarning(session.unsyncedCount > 0);
  // After a final close the server accepts nothing more: stop offering to edit.
  const editable = !readOnly && session.closeReason === null;

  return (
    <>
      <div className="collab-bar">
        <CollabStatusIndicator
          status={session.status}
          unsyncedCount={session.unsyncedCount}
          closeReason={session.closeReason}
        />
        <PresenceList provider={session.provider} self={identity} />
      </div>
      {session.ready && session.ydoc && session.provider ? (
        <CollaborativeEditor
          key={session.ydoc.guid}
          ydoc={session.ydoc}
          provider={session.provider}
          user={identity}
          readOnly={!editable}
          label={t('documents.contentLabel')}
          describedBy={readOnly ? readOnlyNoteId : undefined}
          language={language}
        />
      ) : (
        <Loading />
      )}
    </>
  );
}
