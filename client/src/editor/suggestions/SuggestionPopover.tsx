import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { BubbleMenu } from '@tiptap/react/menus';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import {
  organisationColor,
  sameSuggestion,
  suggestionMarkAt,
  type SuggestionSetup,
} from './authors';
import { settleSuggestions, type Verdict } from './settleSuggestions';

/**
 * Who suggested the text at the caret, from which organisation and when, with Accept and Reject
 * for those who may. It follows the caret, so it opens from the keyboard as well as on a click;
 * hovering shows the same facts as the text's tooltip (see suggestionHighlights.ts).
 */
export function SuggestionPopover({ editor, setup }: { editor: Editor; setup: SuggestionSetup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mark = useEditorState({
    editor,
    selector: ({ editor: e }) => (e.state.selection.empty ? suggestionMarkAt(e.state) : null),
    equalityFn: (a, b) => a === b || (!!a && !!b && a.eq(b)),
  });
  const author = mark ? setup.authors(mark.attrs.authorId as string) : undefined;
  const settle = (verdict: Verdict) => {
    if (!mark) return;
    const tr = settleSuggestions(editor.state, verdict, { mark: sameSuggestion(mark) });
    if (tr) editor.view.dispatch(tr);
    editor.commands.focus();
  };
  const createdAt = mark?.attrs.createdAt as string | null | undefined;

  return (
    <BubbleMenu
      editor={editor}
      pluginKey="suggestionPopover"
      className="suggestion-popover"
      data-testid="suggestion-popover"
      style={{ '--suggestion-color': organisationColor(author) } as CSSProperties}
      shouldShow={({ state }) => state.selection.empty && suggestionMarkAt(state) !== null}
    >
      {mark ? (
        <>
          <p className="suggestion-who">
            <strong>
              {t(`suggestions.kind.${mark.type.name as 'insertion' | 'deletion'}`, {
                name: author?.name ?? t('suggestions.someone'),
              })}
            </strong>
            {author?.organisation ? <> · {author.organisation}</> : null}
            {createdAt ? (
              <>
                {' '}
                · <time dateTime={createdAt}>{format.dateTime(createdAt)}</time>
              </>
            ) : null}
          </p>
          {setup.mayAccept ? (
            <div className="suggestion-actions">
              <button
                type="button"
                className="button button-primary"
                data-testid="suggestion-accept"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => settle('accept')}
              >
                {t('suggestions.accept')}
              </button>
              <button
                type="button"
                className="button"
                data-testid="suggestion-reject"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => settle('reject')}
              >
                {t('suggestions.reject')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </BubbleMenu>
  );
}
