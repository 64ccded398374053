import { FRAGMENT_NAME, sharedExtensions } from '@polisee/editor-schema';
import type { PresenceIdentity } from '@polisee/domain';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { EditorToolbar } from './EditorToolbar';

interface CollaborativeEditorProps {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** Our own caret: the same identity the server puts into our awareness state. */
  user: PresenceIdentity;
  readOnly: boolean;
  /** Accessible name of the document body, already translated. */
  label: string;
  /** Id of the text that explains why the document is read-only, if it is. */
  describedBy?: string;
  /** The document's language (spell checking, hyphenation, screen-reader voice). */
  language: string;
}

/**
 * The live editor: TipTap bound to the document's Y.Doc. The Y.Doc is the only source of the
 * text; `content` is never set here, because a template written by a client would be merged
 * into the server's copy a second time (the server seeds every new document itself).
 */
export function CollaborativeEditor({
  ydoc,
  provider,
  user,
  readOnly,
  label,
  describedBy,
  language,
}: CollaborativeEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        // Built-in undo off: Yjs' UndoManager (from Collaboration) undoes only our own changes.
        ...sharedExtensions({ undoRedo: false }),
        Collaboration.configure({ document: ydoc, field: FRAGMENT_NAME }),
        CollaborationCaret.configure({ provider, user }),
      ],
      editable: !readOnly,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'document-body',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          lang: language,
        },
      },
    },
    // One editor per session; the other props are applied to the live editor below.
    [ydoc, provider],
  );

  useEffect(() => {
    if (editor.isDestroyed || editor.isEditable === !readOnly) return;
    editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    const dom = editor.view.dom;
    dom.setAttribute('aria-label', label);
    dom.setAttribute('lang', language);
    dom.setAttribute('aria-readonly', String(readOnly));
    if (describedBy) dom.setAttribute('aria-describedby', describedBy);
    else dom.removeAttribute('aria-describedby');
  }, [editor, label, language, readOnly, describedBy]);

  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.updateUser(user);
  }, [editor, user]);

  return (
    <div className="collab-editor">
      {readOnly ? null : <EditorToolbar editor={editor} />}
      <div data-testid="document-editor" className="document-editor">
        <EditorContent editor={editor} className="document-content" />
      </div>
    </div>
  );
}
