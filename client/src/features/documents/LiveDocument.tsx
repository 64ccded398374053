import type { PoliDocument, PresenceIdentity } from '@polisee/domain';
import type { Editor } from '@tiptap/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCollabSession } from '../../collab/useCollabSession';
import { useUnsyncedChangesWarning } from '../../collab/useUnsyncedChangesWarning';
import { CollaborativeEditor } from '../../editor/CollaborativeEditor';
import { selectionAnchor } from '../../editor/selectionAnchor';
import { selectionShortcutLabel } from '../../editor/selectionShortcut';
import { useBlockEditing } from '../blocks';
import { BoardDocumentContext } from '../blocks/foresight/boardContext';
import { useSectionParam } from '../blocks/foresight/useSectionParam';
import { AssessmentScoringProvider } from '../blocks/matrix/AssessmentScoring';
import { AuthorshipToggle } from '../attribution/AuthorshipToggle';
import { AuthorshipHighlights } from '../attribution/authorshipHighlights';
import { CommentsPanel } from '../comments/CommentsPanel';
import { useCommentsUi } from '../comments/commentsStore';
import { useActiveThread } from '../comments/useActiveThread';
import { useSuggestionAuthors } from '../comments/useSuggestionAuthors';
import { useFindParam } from '../search/useFindParam';
import { Loading } from '../../ui/Loading';
import { CollabStatusIndicator } from './CollabStatusIndicator';
import { PresenceList } from './PresenceList';
import { SuggestionsOnlyAlert } from './SuggestionsOnlyAlert';

interface LiveDocumentProps {
  document: PoliDocument;
  identity: PresenceIdentity;
  readOnly: boolean;
  /** Id of the visible explanation of why the document is read-only. */
  readOnlyNoteId?: string;
  /** May start comment threads (observers may, though they may not edit). */
  mayComment: boolean;
  /** Told of the live editor once it exists (and of null when it goes): the workshop page reads it. */
  onEditor?: (editor: Editor | null) => void;
  /** May only suggest (decision 0063): suggestion mode is forced on (decision 0064). */
  suggestOnly?: boolean;
}

/**
 * The document's text, live: the collaboration session, who is here, whether everything is
 * saved, and the editor. Loaded on demand with the editor bundle (see DocumentBody).
 */
export function LiveDocument({
  document,
  identity,
  readOnly,
  readOnlyNoteId,
  mayComment,
  onEditor,
  suggestOnly = false,
}: LiveDocumentProps) {
  const { t } = useTranslation();
  const documentId = document.id;
  const session = useCollabSession(documentId, identity, readOnly);
  const [editor, setEditorState] = useState<Editor | null>(null);
  // Stable, or the editor would announce itself again on every render.
  const setEditor = useCallback(
    (current: Editor | null) => {
      setEditorState(current);
      onEditor?.(current);
    },
    [onEditor],
  );
  const [, setActiveThread] = useActiveThread();
  const startDraft = useCommentsUi((s) => s.startDraft);
  useUnsyncedChangesWarning(session.unsyncedCount > 0);
  // After a final close the server accepts nothing more: stop offering to edit.
  const editable = !readOnly && session.closeReason === null;
  const suggestionAuthors = useSuggestionAuthors(documentId, identity);
  const suggestions = useMemo(
    () => ({ authors: suggestionAuthors, mayAccept: editable && !suggestOnly, suggestOnly }),
    [suggestionAuthors, editable, suggestOnly],
  );
  const commentOnSelection = (current: Editor) => {
    const anchor = selectionAnchor(current);
    if (anchor) startDraft(documentId, anchor);
  };
  const shortcut = selectionShortcutLabel();
  const blocks = useBlockEditing();
  const extensions = useMemo(
    () => [...blocks.extensions, AuthorshipHighlights],
    [blocks.extensions],
  );
  // Opened from a scenario's section link: scroll to the heading it names.
  useSectionParam(editor);
  // Opened from a search hit: select and mark the matched text.
  useFindParam(editor);
  const boardDocument = useMemo(
    () => ({ documentId, workingGroupId: document.workingGroupId }),
    [documentId, document.workingGroupId],
  );

  return (
    <BoardDocumentContext.Provider value={boardDocument}>
      <div className="collab-bar">
        <CollabStatusIndicator
          status={session.status}
          unsyncedCount={session.unsyncedCount}
          closeReason={session.closeReason}
        />
        <PresenceList provider={session.provider} self={identity} />
        {/* In the bar, not the text's grid: that grid holds the text and the comments only. */}
        {editor ? <AuthorshipToggle editor={editor} documentId={document.id} /> : null}
      </div>
      {session.closeReason === 'suggestionsOnly' ? (
        <SuggestionsOnlyAlert onReconnect={session.reopen} />
      ) : null}
      <div className="document-with-comments">
        {session.ready && session.ydoc && session.provider ? (
          // The matrices' scoring reads the document it belongs to (see AssessmentScoring).
          <AssessmentScoringProvider document={document}>
            <CollaborativeEditor
              key={session.ydoc.guid}
              ydoc={session.ydoc}
              provider={session.provider}
              user={identity}
              readOnly={!editable}
              label={t('documents.contentLabel')}
              describedBy={readOnly ? readOnlyNoteId : undefined}
              language={document.language}
              onEditor={setEditor}
              onActivateThread={setActiveThread}
              onSelectionShortcut={mayComment ? commentOnSelection : undefined}
              extensions={extensions}
              insertMenu={blocks.insertMenu}
              suggestions={suggestions}
              selectionMenu={
                mayComment
                  ? (current) => (
                      <button
                        type="button"
                        className="button button-primary"
                        data-testid="comment-on-selection"
                        aria-keyshortcuts={shortcut}
                        title={`${t('comments.commentOnSelection')} (${shortcut.replaceAll('+', ' + ')})`}
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => commentOnSelection(current)}
                      >
                        {t('comments.commentOnSelection')}
                      </button>
                    )
                  : undefined
              }
            />
          </AssessmentScoringProvider>
        ) : (
          <Loading />
        )}
        <CommentsPanel document={document} editor={editor} suggestions={suggestions} />
      </div>
    </BoardDocumentContext.Provider>
  );
}
