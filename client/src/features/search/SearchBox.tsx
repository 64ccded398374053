import type { SearchItem } from '@polisee/contracts';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSearch } from '../../api/search';
import { paths } from '../../routes/paths';
import { Highlighted } from './Highlighted';
import { hitLink } from './hitLink';
import { TypeLabel } from './TypeLabel';
import { useDebouncedValue } from './useDebouncedValue';
import './search.css';

/** Suggestions under the box; the results page shows the rest. */
const SUGGESTIONS = 6;

/**
 * The header's search: a combobox (ARIA 1.2, list autocomplete) that suggests hits as one
 * types and opens the results page on Enter or "See all". Focus stays in the box; the arrow
 * keys move the active option (`aria-activedescendant`), Escape closes the list, then clears.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebouncedValue(text).trim();
  const suggestions = useSearch({ q, limit: SUGGESTIONS });
  const items: SearchItem[] = q && suggestions.data ? suggestions.data.items : [];
  // The last option is always "See all results", so Enter on it and Enter in the box agree.
  const optionCount = q ? items.length + 1 : 0;
  const expanded = open && optionCount > 0;

  // A page change (a suggestion followed, the results page opened) closes the list.
  useEffect(() => {
    setOpen(false);
    setActive(-1);
  }, [pathname]);

  const seeAll = () => {
    const query = text.trim();
    if (!query) return;
    setOpen(false);
    void navigate(paths.search(new URLSearchParams({ q: query })));
  };

  const choose = (index: number) => {
    const item = items[index];
    const to = item ? hitLink(item) : null;
    if (item && to) {
      setOpen(false);
      void navigate(to);
    } else seeAll();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (optionCount > 0) setActive((a) => (a + 1) % optionCount);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (optionCount > 0) setActive((a) => (a <= 0 ? optionCount - 1 : a - 1));
        break;
      case 'Escape':
        // Ours, not the browser's (which would clear a search field at the first press).
        event.preventDefault();
        if (expanded) setOpen(false);
        else setText('');
        setActive(-1);
        break;
      case 'Enter':
        event.preventDefault();
        if (expanded && active >= 0) choose(active);
        else seeAll();
        break;
    }
  };

  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <form
      role="search"
      className="search-box"
      aria-label={t('search.label')}
      onSubmit={(event) => {
        event.preventDefault();
        seeAll();
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        name="q"
        autoComplete="off"
        aria-autocomplete="list"
        aria-controls={listId}
        aria-expanded={expanded}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={t('search.placeholder')}
        value={text}
        maxLength={200}
        data-testid="search-box"
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('search.suggestions')}
        className="search-suggestions"
        hidden={!expanded}
      >
        {items.map((item, index) => (
          <li
            key={item.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="search-suggestion"
            // Keeps focus in the box, so the blur does not close the list before the click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(index)}
          >
            <span className="search-suggestion-title">
              <Highlighted text={item.title} ranges={item.titleRanges} />
            </span>
            <TypeLabel type={item.type} />
          </li>
        ))}
        <li
          id={optionId(items.length)}
          role="option"
          aria-selected={active === items.length}
          className="search-suggestion search-see-all"
          onMouseDown={(event) => event.preventDefault()}
          onClick={seeAll}
        >
          {suggestions.isError
            ? t('search.suggestionsFailed')
            : items.length === 0 && !suggestions.isFetching
              ? t('search.noSuggestions', { q })
              : t('search.seeAll', { q })}
        </li>
      </ul>
    </form>
  );
}
