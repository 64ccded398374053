import { presenceColor } from '@polisee/domain';
import type { Mark } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';

/** Who made a suggestion, as the page knows them (the working group's members, oneself). */
export interface SuggestionAuthor {
  name: string;
  organisation: string;
}

export type SuggestionAuthors = (authorId: string) => SuggestionAuthor | undefined;

/** What the editor needs for suggestion mode from the page around it. */
export interface SuggestionSetup {
  authors: SuggestionAuthors;
  /** May accept and reject others' suggestions (edits directly, and is not suggest-only). */
  mayAccept: boolean;
  /** Suggest-only member: suggestion mode is on and stays on. */
  suggestOnly: boolean;
}

/** For text whose author the page does not know (no longer a member, say). */
const UNKNOWN_COLOR = '#4b5563';

/**
 * The colour of an organisation's suggestions: the presence palette (the cursors' colours,
 * readable on white), chosen from the organisation's name so every client agrees on it.
 */
export function organisationColor(author: SuggestionAuthor | undefined): string {
  return author?.organisation ? presenceColor(author.organisation) : UNKNOWN_COLOR;
}

/** The insertion or deletion mark at the caret (the text after it first), if any. */
export function suggestionMarkAt(state: EditorState): Mark | null {
  const { $from } = state.selection;
  for (const node of [$from.nodeAfter, $from.nodeBefore]) {
    const mark = node?.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion');
    if (mark) return mark;
  }
  return null;
}

/** Runs of one suggestion by one author: what "this suggestion" means in accept and reject. */
export const sameSuggestion = (mark: Mark) => (other: Mark) =>
  other.attrs.id === mark.attrs.id && other.attrs.authorId === mark.attrs.authorId;
