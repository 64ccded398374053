import type { ThreadView } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import type { Editor } from '@tiptap/core';
import type { Mark } from '@tiptap/pm/model';
import { useEditorState } from '@tiptap/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { threadIdsBetween } from '../../editor/commentHighlights';
import { rangeAnchor } from '../../editor/selectionAnchor';
import type { SuggestionSetup } from '../../editor/suggestions/authors';
import {
  pendingSuggestions,
  type PendingSuggestion,
} from '../../editor/suggestions/pendingSuggestions';
import {
  settleSuggestions,
  type SuggestionFilter,
  type Verdict,
} from '../../editor/suggestions/settleSuggestions';
import { scrollBehavior } from '../../ui/motion';
import { useCommentsUi } from './commentsStore';
import { SuggestionCard } from './SuggestionCard';

const listKey = (list: PendingSuggestion[]) =>
  JSON.stringify(list.map((s) => [s.key, s.from, s.to, s.inserted, s.deleted, s.createdAt]));

interface SuggestionsSectionProps {
  document: PoliDocument;
  editor: Editor;
  setup: SuggestionSetup;
  threads: ThreadView[];
  mayComment: boolean;
  onOpenThread: (threadId: string) => void;
}

/**
 * The document's pending suggestions as cards beside its threads: accept or reject one, or all
 * of one scope (the selection, everyone's, one person's, one organisation's); reply to one in a
 * comment thread on its text (the thread already there, or a new one).
 */
export function SuggestionsSection({
  document,
  editor,
  setup,
  threads,
  mayComment,
  onOpenThread,
}: SuggestionsSectionProps) {
  const { t } = useTranslation();
  const scopeId = useId();
  const [scope, setScope] = useState('selection');
  const [nothing, setNothing] = useState(false);
  const startDraft = useCommentsUi((s) => s.startDraft);
  const suggestions =
    useEditorState({
      editor,
      selector: ({ editor: e }) => pendingSuggestions(e.state.doc),
      equalityFn: (a, b) => listKey(a ?? []) === listKey(b ?? []),
    }) ?? [];
  const authorIds = [...new Set(suggestions.map((s) => s.authorId))];
  const organisations = [
    ...new Set(authorIds.map((id) => setup.authors(id)?.organisation).filter(Boolean)),
  ] as string[];

  const settle = (verdict: Verdict, filter: SuggestionFilter) => {
    const tr = settleSuggestions(editor.state, verdict, filter);
    setNothing(!tr);
    if (tr) editor.view.dispatch(tr);
  };
  const settleScope = (verdict: Verdict) => {
    const byAuthor = (test: (authorId: string) => boolean) => (mark: Mark) =>
      test(mark.attrs.authorId as string);
    if (scope === 'selection') {
      const { from, to } = editor.state.selection;
      settle(verdict, { range: { from, to } });
    } else if (scope === 'all') settle(verdict, {});
    else if (scope.startsWith('person:'))
      settle(verdict, { mark: byAuthor((id) => id === scope.slice('person:'.length)) });
    else
      settle(verdict, {
        mark: byAuthor((id) => setup.authors(id)?.organisation === scope.slice('org:'.length)),
      });
  };
  const showText = (suggestion: PendingSuggestion) => {
    editor.commands.setTextSelection(suggestion.from);
    const { node } = editor.view.domAtPos(suggestion.from + 1);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
    editor.commands.focus();
  };
  const reply = (suggestion: PendingSuggestion) => {
    const open = new Set(threads.filter((th) => th.status === 'open').map((th) => th.id));
    const existing = threadIdsBetween(editor.state.doc, suggestion.from, suggestion.to).find((id) =>
      open.has(id),
    );
    if (existing) onOpenThread(existing);
    else startDraft(document.id, rangeAnchor(editor, suggestion.from, suggestion.to));
  };

  return (
    <section className="suggestions-section" aria-labelledby="suggestions-title">
      <h3 id="suggestions-title">{t('suggestions.title')}</h3>
      {suggestions.length === 0 ? <p className="muted">{t('suggestions.empty')}</p> : null}
      {setup.mayAccept && suggestions.length > 0 ? (
        <div className="suggestions-bulk">
          <label htmlFor={scopeId} className="visually-hidden">
            {t('suggestions.bulk.scope')}
          </label>
          <select
            id={scopeId}
            data-testid="suggestions-scope"
            value={scope}
            onChange={(e) => {
              setScope(e.target.value);
              setNothing(false);
            }}
          >
            <option value="selection">{t('suggestions.bulk.selection')}</option>
            <option value="all">{t('suggestions.bulk.everyone')}</option>
            {authorIds.map((id) => (
              <option key={id} value={`person:${id}`}>
                {t('suggestions.bulk.person', {
                  name: setup.authors(id)?.name ?? t('suggestions.someone'),
                })}
              </option>
            ))}
            {organisations.map((organisation) => (
              <option key={organisation} value={`org:${organisation}`}>
                {t('suggestions.bulk.organisation', { organisation })}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            data-testid="suggestions-accept-scope"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => settleScope('accept')}
          >
            {t('suggestions.bulk.accept')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="suggestions-reject-scope"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => settleScope('reject')}
          >
            {t('suggestions.bulk.reject')}
          </button>
        </div>
      ) : null}
      <p role="status" className="muted">
        {nothing ? t('suggestions.bulk.nothing') : null}
      </p>
      <div className="thread-list">
        {suggestions.map((suggestion) => (
          <SuggestionCard
            key={suggestion.key}
            suggestion={suggestion}
            author={setup.authors(suggestion.authorId)}
            mayAccept={setup.mayAccept}
            mayReply={mayComment}
            onSettle={(verdict) =>
              settle(verdict, {
                mark: (m) =>
                  m.attrs.id === suggestion.id && m.attrs.authorId === suggestion.authorId,
              })
            }
            onReply={() => reply(suggestion)}
            onShowText={() => showText(suggestion)}
          />
        ))}
      </div>
    </section>
  );
}
