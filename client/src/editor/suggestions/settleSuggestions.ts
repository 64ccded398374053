import {
  applySuggestion,
  revertSuggestion,
  suggestChangesKey,
} from '@handlewithcare/prosemirror-suggest-changes';
import type { Mark } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { suggestionRuns } from './pendingSuggestions';

export type Verdict = 'accept' | 'reject';

/** Which suggestion runs to settle: by their mark (id, author) and, optionally, a range. */
export interface SuggestionFilter {
  mark?: (mark: Mark) => boolean;
  /** Runs overlapping this range of the current document (a selection). */
  range?: { from: number; to: number };
}

/**
 * Accepts or rejects the suggestion runs the filter picks, in one transaction (one undo step,
 * one Yjs update). Each run goes through the library's per-id command limited to that run, so
 * text by another author under the same id (the library joins neighbours) is left alone.
 * Null when nothing matched. The transaction carries the library's `skip` meta: settling is
 * never itself turned into a suggestion.
 */
export function settleSuggestions(
  state: EditorState,
  verdict: Verdict,
  filter: SuggestionFilter,
): Transaction | null {
  const tr = state.tr;
  let current = state;
  const command = verdict === 'accept' ? applySuggestion : revertSuggestion;
  // Each pass settles one run (its text goes, or its mark does), so the runs shrink; the bound
  // only guards against a command that would change nothing.
  for (let pass = suggestionRuns(state.doc).length; pass > 0; pass--) {
    const range = filter.range && {
      from: tr.mapping.map(filter.range.from, -1),
      to: tr.mapping.map(filter.range.to, 1),
    };
    const run = suggestionRuns(current.doc).find(
      ({ mark, from, to }) =>
        (!filter.mark || filter.mark(mark)) && (!range || (from < range.to && to > range.from)),
    );
    if (!run) break;
    const done = command(
      run.mark.attrs.id as string,
      run.from,
      run.from,
    )(current, (step) => {
      for (const s of step.steps) tr.step(s);
      current = current.apply(step);
    });
    if (!done) break;
  }
  if (!tr.docChanged) return null;
  return tr.setMeta(suggestChangesKey, { skip: true });
}
