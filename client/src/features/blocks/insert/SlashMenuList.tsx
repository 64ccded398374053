import type { SuggestionProps } from '@tiptap/suggestion';
import { forwardRef, useEffect, useId, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockChoice } from './blockCatalog';

export interface SlashMenuHandle {
  onKeyDown: (event: KeyboardEvent) => boolean;
}

/**
 * The slash menu's list. Focus stays in the document: the text box points at the highlighted
 * option (aria-activedescendant), as a combobox does, so screen readers follow the arrows.
 */
export const SlashMenuList = forwardRef<SlashMenuHandle, SuggestionProps<BlockChoice>>(
  function SlashMenuList({ items, command, editor }, ref) {
    const { t } = useTranslation();
    const listId = useId();
    const [highlighted, setHighlighted] = useState(0);
    const active = Math.min(highlighted, Math.max(0, items.length - 1));
    const optionId = (index: number) => `${listId}-${index}`;

    useEffect(() => setHighlighted(0), [items]);

    useEffect(() => {
      const box = editor.view.dom;
      box.setAttribute('aria-controls', listId);
      box.setAttribute('aria-expanded', 'true');
      if (items.length > 0) box.setAttribute('aria-activedescendant', optionId(active));
      else box.removeAttribute('aria-activedescendant');
      return () => {
        box.removeAttribute('aria-controls');
        box.removeAttribute('aria-expanded');
        box.removeAttribute('aria-activedescendant');
      };
    });

    useImperativeHandle(ref, () => ({
      onKeyDown: (event) => {
        if (items.length === 0) return false;
        if (event.key === 'ArrowDown') setHighlighted((active + 1) % items.length);
        else if (event.key === 'ArrowUp')
          setHighlighted((active - 1 + items.length) % items.length);
        else if (event.key === 'Enter' || event.key === 'Tab') {
          const choice = items[active];
          if (choice) command({ type: choice.type });
        } else return false;
        return true;
      },
    }));

    return (
      <div className="slash-menu" data-testid="slash-menu">
        {items.length === 0 ? (
          <p className="slash-menu-empty" role="status">
            {t('blocks.insert.noMatch')}
          </p>
        ) : (
          <ul id={listId} role="listbox" aria-label={t('blocks.insert.slashList')}>
            {items.map((choice, index) => (
              <li
                key={choice.type}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                data-block-type={choice.type}
                className={index === active ? 'slash-menu-option active' : 'slash-menu-option'}
                onMouseDown={(event) => {
                  event.preventDefault();
                  command({ type: choice.type });
                }}
                onMouseEnter={() => setHighlighted(index)}
              >
                <span className="slash-menu-name">{choice.name}</span>
                <span className="slash-menu-description">{choice.description}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  },
);
