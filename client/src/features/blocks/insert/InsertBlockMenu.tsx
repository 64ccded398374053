import type { Editor } from '@tiptap/core';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { translatedChoices } from './translatedChoices';
import { canInsertBlock, insertBlock } from './insertBlock';

/**
 * The toolbar's Insert menu (a WAI-ARIA menu): focus moves into it when it opens, the arrow
 * keys, Home and End move between the blocks, Enter or Space inserts, Escape and Tab close it.
 */
export function InsertBlockMenu({
  editor,
  onClose,
}: {
  editor: Editor;
  /** Closes the menu; `restoreFocus` gives focus back to its button. */
  onClose: (restoreFocus: boolean) => void;
}) {
  const { t } = useTranslation();
  const menuRef = useRef<HTMLDivElement>(null);
  const allowed = canInsertBlock(editor.state);
  const choices = translatedChoices();

  useEffect(() => {
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = [
      ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const current = items.indexOf(document.activeElement as HTMLButtonElement);
    let next = current;
    if (event.key === 'ArrowDown') next = (current + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (current - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    } else if (event.key === 'Tab') {
      onClose(false);
      return;
    } else return;
    event.preventDefault();
    items[next]?.focus();
  }

  return (
    <div
      ref={menuRef}
      className="insert-block-menu"
      role="menu"
      aria-label={t('blocks.insert.menuLabel')}
      data-testid="insert-block-menu"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Focus gone elsewhere (a click outside): the menu closes, as menus do.
        if (!menuRef.current?.contains(event.relatedTarget as Node | null)) onClose(false);
      }}
    >
      {!allowed ? <p className="muted">{t('blocks.insert.notHere')}</p> : null}
      {choices.map((choice) => (
        <button
          key={choice.type}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="insert-block-item"
          data-block-type={choice.type}
          aria-disabled={!allowed || undefined}
          onClick={() => {
            if (!allowed) return;
            onClose(false);
            insertBlock(editor, choice.type);
          }}
        >
          <span className="slash-menu-name">{choice.name}</span>
          <span className="slash-menu-description">{choice.description}</span>
        </button>
      ))}
    </div>
  );
}
