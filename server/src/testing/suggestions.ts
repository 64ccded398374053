import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { buildSchema, FRAGMENT_NAME, stampSuggestionAuthor } from '@polisee/editor-schema';
import type { Node } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';

export const suggestionSchema = buildSchema();

let counter = 0;
/** Random-looking, distinct ids, as the editor's `generateId` gives (decision 0056). */
const newSuggestionId = () => `s-${Date.now().toString(36)}-${++counter}`;

/**
 * What a member's editor in suggestion mode sends after `change`: the library's transform of
 * the transaction on the ProseMirror document read from `doc`, stamped with the author, then
 * written back into a copy of `doc` the way the editor binding writes it. `doc` is not changed.
 */
export function suggestionUpdate(
  doc: Y.Doc,
  userId: string,
  change: (tr: Transaction, pmDoc: Node) => void,
): Uint8Array {
  return editorUpdate(doc, (state) => {
    const tr = state.tr;
    change(tr, state.doc);
    return stampSuggestionAuthor(
      transformToSuggestionTransaction(tr, state, newSuggestionId),
      userId,
    );
  });
}

/** What a member's editor sends after `change` made directly, not as a suggestion. */
export function directUpdate(
  doc: Y.Doc,
  change: (tr: Transaction, pmDoc: Node) => void,
): Uint8Array {
  return editorUpdate(doc, (state) => {
    const tr = state.tr;
    change(tr, state.doc);
    return tr;
  });
}

function editorUpdate(doc: Y.Doc, transaction: (state: EditorState) => Transaction): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const fragment = client.getXmlFragment(FRAGMENT_NAME);
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, suggestionSchema);
  const state = EditorState.create({ schema: suggestionSchema, doc: pmDoc });
  const next = state.apply(transaction(state));
  client.transact(() => updateYFragment(client, fragment, next.doc, meta));
  const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc));
  client.destroy();
  return update;
}
