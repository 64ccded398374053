import {
  isSuggestChangesEnabled,
  toggleSuggestChanges,
} from '@handlewithcare/prosemirror-suggest-changes';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkForm } from './LinkForm';
import {
  BulletListIcon,
  LinkIcon,
  OrderedListIcon,
  RedoIcon,
  TableIcon,
  SuggestIcon,
  TaskListIcon,
  UndoIcon,
} from './toolbarIcons';

/** A feature's menu in the toolbar (the method blocks' Insert menu): a button that opens it. */
export interface ToolbarMenu {
  /** The button's text and accessible name, already translated. */
  label: string;
  /** The open menu; `close(true)` gives focus back to the button. */
  render: (editor: Editor, close: (restoreFocus: boolean) => void) => ReactNode;
}

/**
 * Formatting for the shared schema (hidden when the document is read-only). One tab stop (role="toolbar"): the arrow keys, Home and
 * End move between the buttons, as assistive technology expects of a toolbar.
 */
export function EditorToolbar({
  editor,
  insertMenu,
  suggestOnly = false,
}: {
  editor: Editor;
  insertMenu?: ToolbarMenu;
  /** Suggestion mode is forced on: the toggle shows it, and cannot turn it off. */
  suggestOnly?: boolean;
}) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      taskList: e.isActive('taskList'),
      link: e.isActive('link'),
      canInsertTable: e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
      suggesting: isSuggestChangesEnabled(e.state),
    }),
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [
      ...(toolbarRef.current?.querySelectorAll<HTMLButtonElement>('button[data-toolbar-item]') ??
        []),
    ];
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    let next = current;
    if (event.key === 'ArrowRight') next = (current + 1) % buttons.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else return;
    event.preventDefault();
    setFocusIndex(next);
    buttons[next]?.focus();
  }

  let index = 0;
  const button = (
    label: string,
    content: ReactNode,
    onClick: () => void,
    options: { pressed?: boolean; disabled?: boolean; expanded?: boolean; menu?: boolean } = {},
  ) => {
    const position = index++;
    // A face in letters ("H2") is spoken by voice-control users, so it must start the
    // accessible name (WCAG 2.5.3, label in name): the full label follows, visually hidden.
    // Icon faces and single glyphs ("B") are named by the label alone.
    const spokenFace = typeof content === 'string' && content.length > 1;
    return (
      <button
        type="button"
        className="toolbar-button"
        data-toolbar-item
        aria-label={spokenFace ? undefined : label}
        title={label}
        aria-pressed={options.pressed}
        aria-expanded={options.expanded}
        aria-haspopup={options.menu ? 'menu' : undefined}
        // aria-disabled, not disabled: a toolbar's unavailable items stay reachable by arrow key.
        aria-disabled={options.disabled || undefined}
        tabIndex={position === focusIndex ? 0 : -1}
        onFocus={() => setFocusIndex(position)}
        // Keep the selection in the document while clicking.
        onMouseDown={(event) => event.preventDefault()}
        onClick={options.disabled ? undefined : onClick}
      >
        {spokenFace ? (
          <>
            {content}
            <span className="visually-hidden"> {label}</span>
          </>
        ) : (
          <span aria-hidden="true">{content}</span>
        )}
      </button>
    );
  };
  const run = () => editor.chain().focus();

  return (
    <div className="editor-toolbar-wrap">
      <div
        ref={toolbarRef}
        className="editor-toolbar"
        role="toolbar"
        aria-label={t('collab.toolbar.label')}
        onKeyDown={onKeyDown}
      >
        <div className="toolbar-group">
          {button(
            suggestOnly ? t('suggestions.toggleForced') : t('suggestions.toggle'),
            <>
              <SuggestIcon /> {t('suggestions.toggleFace')}
            </>,
            () => {
              toggleSuggestChanges(editor.state, editor.view.dispatch);
              editor.commands.focus();
            },
            { pressed: state.suggesting, disabled: suggestOnly },
          )}
        </div>
        <div className="toolbar-group">
          {button(t('collab.toolbar.bold'), <strong>B</strong>, () => run().toggleBold().run(), {
            pressed: state.bold,
          })}
          {button(t('collab.toolbar.italic'), <em>I</em>, () => run().toggleItalic().run(), {
            pressed: state.italic,
          })}
        </div>
        <div className="toolbar-group">
          {button(
            t('collab.toolbar.heading2'),
            'H2',
            () => run().toggleHeading({ level: 2 }).run(),
            {
              pressed: state.h2,
            },
          )}
          {button(
            t('collab.toolbar.heading3'),
            'H3',
            () => run().toggleHeading({ level: 3 }).run(),
            {
              pressed: state.h3,
            },
          )}
        </div>
        <div className="toolbar-group">
          {button(
            t('collab.toolbar.bulletList'),
            <BulletListIcon />,
            () => run().toggleBulletList().run(),
            {
              pressed: state.bulletList,
            },
          )}
          {button(
            t('collab.toolbar.orderedList'),
            <OrderedListIcon />,
            () => run().toggleOrderedList().run(),
            {
              pressed: state.orderedList,
            },
          )}
          {button(
            t('collab.toolbar.taskList'),
            <TaskListIcon />,
            () => run().toggleTaskList().run(),
            {
              pressed: state.taskList,
            },
          )}
        </div>
        <div className="toolbar-group">
          {button(t('collab.toolbar.link'), <LinkIcon />, () => setLinkOpen((open) => !open), {
            pressed: state.link,
            expanded: linkOpen,
          })}
          {button(
            t('collab.toolbar.table'),
            <TableIcon />,
            () => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
            { disabled: !state.canInsertTable },
          )}
        </div>
        <div className="toolbar-group">
          {button(t('collab.toolbar.undo'), <UndoIcon />, () => run().undo().run(), {
            disabled: !state.canUndo,
          })}
          {button(t('collab.toolbar.redo'), <RedoIcon />, () => run().redo().run(), {
            disabled: !state.canRedo,
          })}
        </div>
        {insertMenu ? (
          <div className="toolbar-group">
            {button(
              insertMenu.label,
              <>{insertMenu.label} ▾</>,
              () => setMenuOpen((open) => !open),
              {
                expanded: menuOpen,
                menu: true,
              },
            )}
          </div>
        ) : null}
      </div>
      {suggestOnly ? (
        <p className="suggest-only-note" data-testid="suggest-only-note">
          {t('suggestions.suggestOnlyNote')}
        </p>
      ) : null}
      {linkOpen ? <LinkForm editor={editor} onClose={() => setLinkOpen(false)} /> : null}
      {menuOpen && insertMenu
        ? insertMenu.render(editor, (restoreFocus) => {
            setMenuOpen(false);
            if (restoreFocus)
              toolbarRef.current?.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.focus();
          })
        : null}
    </div>
  );
}
