import {
  isSuggestChangesEnabled,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import { stampSuggestionAuthor, SUGGESTION_MARK_NAMES } from '@polisee/editor-schema';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import {
  AddNodeMarkStep,
  AttrStep,
  DocAttrStep,
  RemoveNodeMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
} from '@tiptap/pm/transform';

export interface SuggestOptions {
  /** The signed-in user, written into every suggestion they make. */
  authorId: string;
  /** A fresh suggestion id: random, because two offline authors would share counted ones. */
  generateId?: () => string;
}

/**
 * Whether a transaction is the user's own edit, to be made a suggestion. Everything else goes
 * through as it is: remote changes and undo/redo (y-tiptap's `ySyncPluginKey` meta: the Y.Doc
 * is the truth, and turning someone else's text into our suggestion would write it back as
 * ours), accepting or rejecting (the library's `skip` meta), and anything that does not change
 * the document (selection, decorations, the comment highlights' meta).
 */
export function isOwnEdit(tr: Transaction, state: EditorState): boolean {
  if (!isSuggestChangesEnabled(state) || !tr.docChanged) return false;
  if (tr.getMeta(ySyncPluginKey) !== undefined) return false;
  if (tr.getMeta('history$') || tr.getMeta('collab$')) return false;
  const own = tr.getMeta(suggestChangesKey) as { skip?: boolean } | undefined;
  return !(own && 'skip' in own);
}

const isSuggestionMark = (mark: { type: { name: string } }) =>
  (SUGGESTION_MARK_NAMES as readonly string[]).includes(mark.type.name);

function holdsMarkedBlock(node: PMNode | { forEach: PMNode['forEach'] }): boolean {
  let found = false;
  node.forEach((child) => {
    if (found || child.isInline) return;
    found = child.marks.some(isSuggestionMark) || holdsMarkedBlock(child);
  });
  return found;
}

/**
 * Whether the library turned the edit into a block-level suggestion: a node mark (a block
 * inserted, deleted, retyped or re-attributed), which neither Yjs binding stores (decision
 * 0056), so it would vanish on the way to everyone else, leaving a direct change or nothing.
 */
export function suggestsBlocks(tr: Transaction): boolean {
  return tr.steps.some(
    (step) =>
      step instanceof AddNodeMarkStep ||
      step instanceof RemoveNodeMarkStep ||
      step instanceof AttrStep ||
      step instanceof DocAttrStep ||
      ((step instanceof ReplaceStep || step instanceof ReplaceAroundStep) &&
        holdsMarkedBlock(step.slice.content)),
  );
}

/**
 * Whether the edit moves existing text into another block: Enter in the middle of a paragraph
 * (or blocks pasted there) takes the text after the caret out of its paragraph. The Yjs binding
 * writes that as the tail deleted and written again, unmarked, in a new block, which no
 * suggestion can say and the server's guard refuses (decision 0063). A split at the end of a
 * paragraph moves nothing, and a join keeps the text in the block it was: both stay allowed.
 */
export function movesText(tr: Transaction): boolean {
  return tr.steps.some((step, i) => {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return false;
    const $to = tr.docs[i]!.resolve(step.to);
    if (!$to.parent.isTextblock || $to.parentOffset === $to.parent.content.size) return false;
    const after = tr.docs[i + 1] ?? tr.doc;
    const map = step.getMap();
    const head = after.resolve(map.map(step.from, -1));
    const tail = after.resolve(map.map(step.to, 1));
    return head.start() !== tail.start();
  });
}

/**
 * What the editor dispatches for `tr` in suggest mode: the library's suggestion of it, stamped
 * with the author and time; `tr` itself when it is not the user's own edit (see `isOwnEdit`);
 * null when it can only be suggested as a block change, or moves text into another block
 * (`movesText`), which is refused rather than made directly (a suggest-only member's direct change would be refused on the wire anyway).
 */
export function suggestTransaction(
  tr: Transaction,
  state: EditorState,
  { authorId, generateId = () => crypto.randomUUID() }: SuggestOptions,
): Transaction | null {
  if (!isOwnEdit(tr, state)) return tr;
  if (movesText(tr)) return null;
  let suggested: Transaction;
  try {
    suggested = transformToSuggestionTransaction(tr, state, () => generateId());
  } catch {
    // The library puts a block's suggestion on the block as a node mark; our blocks accept no
    // marks (the bindings could not store them), so the step throws. It is a block change.
    return null;
  }
  return suggestsBlocks(suggested)
    ? null
    : stampSuggestionAuthor(suggested, authorId, new Date().toISOString(), generateId);
}
