import { FRAGMENT_NAME, sharedExtensions } from '@polisee/editor-schema';
import type { PresenceIdentity } from '@polisee/domain';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import type { AnyExtension, Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import {
  enableSuggestChanges,
  isSuggestChangesEnabled,
} from '@handlewithcare/prosemirror-suggest-changes';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { CommentHighlights } from './commentHighlights';
import { EditorToolbar, type ToolbarMenu } from './EditorToolbar';
import { SelectionShortcut } from './selectionShortcut';
import { organisationColor, type SuggestionSetup } from './suggestions/authors';
import { SuggestionHighlights, suggestionHighlightsKey } from './suggestions/suggestionHighlights';
import { SuggestionPopover } from './suggestions/SuggestionPopover';
import { SuggestMode } from './suggestions/suggestMode';
import { useFormat } from '../i18n/format';

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
  /** Called with the live editor once it exists (and with null when it goes). */
  onEditor?: (editor: Editor | null) => void;
  /** A click on highlighted text opens that comment thread. */
  onActivateThread?: (threadId: string) => void;
  /** Shown beside a non-empty selection (read-only editors too: observers comment). */
  selectionMenu?: (editor: Editor) => ReactNode;
  /** The selection menu's action, run by its keyboard shortcut (see selectionShortcut.ts). */
  onSelectionShortcut?: (editor: Editor) => void;
  /**
   * Node views and input rules a feature adds (the method blocks): an extension named like a
   * shared one replaces it, so it must be that shared node `.extend()`ed, never a copy.
   */
  extensions?: AnyExtension[];
  /** A feature's Insert menu in the toolbar. */
  insertMenu?: ToolbarMenu;
  /** Suggestion mode: who is who, and what this user may do with suggestions. */
  suggestions: SuggestionSetup;
}

/** How long the note that a block change cannot be suggested stays up. */
const REFUSAL_NOTE_MS = 6000;

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
  onEditor,
  onActivateThread,
  selectionMenu,
  onSelectionShortcut,
  extensions = [],
  insertMenu,
  suggestions,
}: CollaborativeEditorProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [refused, setRefused] = useState(0);
  const onRefused = useRef(() => setRefused(Date.now()));
  // The highlight plugin is created once; it calls whatever handler is current.
  const activateThread = useRef(onActivateThread);
  activateThread.current = onActivateThread;
  const selectionShortcut = useRef(onSelectionShortcut);
  selectionShortcut.current = onSelectionShortcut;
  const editor = useEditor(
    {
      extensions: [
        // Built-in undo off: Yjs' UndoManager (from Collaboration) undoes only our own changes.
        ...sharedExtensions({ undoRedo: false }).filter(
          (shared) => !extensions.some((extra) => extra.name === shared.name),
        ),
        ...extensions,
        Collaboration.configure({ document: ydoc, field: FRAGMENT_NAME }),
        CollaborationCaret.configure({ provider, user }),
        CommentHighlights.configure({ onActivate: (id) => activateThread.current?.(id) }),
        SuggestMode.configure({ authorId: user.id, onRefused: () => onRefused.current() }),
        SuggestionHighlights,
        SelectionShortcut.configure({
          onShortcut: (current) => {
            if (!selectionShortcut.current) return false;
            selectionShortcut.current(current);
            return true;
          },
        }),
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

  // A suggest-only member suggests, whatever the toolbar was last left at.
  useEffect(() => {
    if (editor.isDestroyed || !suggestions.suggestOnly || isSuggestChangesEnabled(editor.state))
      return;
    enableSuggestChanges(editor.state, editor.view.dispatch);
  }, [editor, suggestions.suggestOnly]);

  // Who made each suggestion, in their organisation's colour, for the text's tooltip.
  const { authors } = suggestions;
  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(
      editor.state.tr.setMeta(
        suggestionHighlightsKey,
        (mark: { attrs: Record<string, unknown> }) => {
          const author = authors(mark.attrs.authorId as string);
          const createdAt = mark.attrs.createdAt as string | null;
          const who = author
            ? `${author.name}${author.organisation ? ` (${author.organisation})` : ''}`
            : t('suggestions.someone');
          return {
            color: organisationColor(author),
            title: createdAt ? `${who}, ${format.dateTime(createdAt)}` : who,
          };
        },
      ),
    );
    // `format` and `t` are new on every render but change only with the language.
  }, [editor, authors, format.language]);

  useEffect(() => {
    if (!refused) return;
    const timer = setTimeout(() => setRefused(0), REFUSAL_NOTE_MS);
    return () => clearTimeout(timer);
  }, [refused]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  return (
    <div className="collab-editor">
      {readOnly ? null : (
        <EditorToolbar
          editor={editor}
          insertMenu={insertMenu}
          suggestOnly={suggestions.suggestOnly}
        />
      )}
      <p className="suggestion-refused" role="status" data-testid="suggestion-refused">
        {refused ? t('suggestions.blockRefused') : null}
      </p>
      <div data-testid="document-editor" className="document-editor">
        <EditorContent editor={editor} className="document-content" />
        <SuggestionPopover editor={editor} setup={suggestions} />
        {selectionMenu ? (
          <BubbleMenu
            editor={editor}
            className="selection-menu"
            shouldShow={({ state }) =>
              !state.selection.empty && state.selection.from !== state.selection.to
            }
          >
            {selectionMenu(editor)}
          </BubbleMenu>
        ) : null}
      </div>
    </div>
  );
}
