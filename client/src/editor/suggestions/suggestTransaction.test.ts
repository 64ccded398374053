import {
  enableSuggestChanges,
  revertSuggestions,
  suggestChanges,
  suggestChangesKey,
} from '@handlewithcare/prosemirror-suggest-changes';
import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { splitBlock } from '@tiptap/pm/commands';
import {
  initProseMirrorDoc,
  prosemirrorJSONToYDoc,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { suggestTransaction } from './suggestTransaction';

const schema = buildSchema();
let counter = 0;
const options = { authorId: 'user-a', generateId: () => `s-${++counter}` };
const start = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Clusters grow.' }] }],
};

function stateOf(doc: PMNode = schema.nodeFromJSON(start), suggesting = true) {
  const state = EditorState.create({ schema, doc, plugins: [suggestChanges()] });
  if (!suggesting) return state;
  let enabled = state;
  enableSuggestChanges(state, (tr) => (enabled = state.apply(tr)));
  return enabled;
}

/** Dispatches as the editor does: through suggestTransaction, then applied (or refused). */
function dispatch(state: EditorState, tr: ReturnType<EditorState['tr']['insertText']>) {
  const out = suggestTransaction(tr, state, options);
  return out ? state.apply(out) : null;
}

const marked = (doc: PMNode) => {
  const runs: [string, string, unknown][] = [];
  doc.descendants((node) => {
    if (node.isText)
      for (const mark of node.marks) runs.push([node.text!, mark.type.name, mark.attrs.authorId]);
    return true;
  });
  return runs;
};

describe('suggestTransaction', () => {
  it('turns the user’s typing and deleting into suggestions by them', () => {
    const state = stateOf();
    const typed = dispatch(state, state.tr.insertText(' fast', 14))!;
    const deleted = dispatch(typed, typed.tr.delete(1, 10))!;
    expect(deleted.doc.textContent).toBe('Clusters grow fast.');
    expect(marked(deleted.doc)).toEqual([
      ['Clusters ', 'deletion', 'user-a'],
      [' fast', 'insertion', 'user-a'],
    ]);
  });

  it('leaves edits alone while suggest mode is off', () => {
    const state = stateOf(undefined, false);
    expect(dispatch(state, state.tr.delete(1, 10))!.doc.textContent).toBe('grow.');
  });

  it('never turns a remote change, an undo or an accept into a suggestion', () => {
    const state = stateOf();
    const remote = state.tr.insertText(' (remote)', 14).setMeta(ySyncPluginKey, {
      isChangeOrigin: true,
    });
    const undo = state.tr.delete(1, 10).setMeta(ySyncPluginKey, {
      isChangeOrigin: true,
      isUndoRedoOperation: true,
    });
    const accept = state.tr.delete(1, 10).setMeta(suggestChangesKey, { skip: true });
    for (const tr of [remote, undo, accept]) {
      expect(suggestTransaction(tr, state, options)).toBe(tr);
      expect(marked(state.apply(tr).doc)).toEqual([]);
    }
  });

  it('keeps a paragraph split at the end inline, where the Yjs bindings can carry it', () => {
    const start = stateOf();
    const state = start.apply(start.tr.setSelection(TextSelection.create(start.doc, 15)));
    let split: EditorState | null = null;
    splitBlock(state, (tr) => (split = dispatch(state, tr)));
    if (!split) throw new Error('the split was refused');
    expect((split as EditorState).doc.childCount).toBe(2);
    const runs = marked((split as EditorState).doc);
    expect(runs.length).toBeGreaterThan(0);
    // Only zero-width markers of the new paragraph break, suggested by the author.
    for (const [text, type, author] of runs) {
      expect([type, author]).toEqual(['insertion', 'user-a']);
      expect(text).toMatch(/^\u200B+$/);
    }
  });

  it('refuses Enter in the middle of a text, which would move its tail to a new paragraph', () => {
    const start = stateOf();
    for (const [from, to] of [
      [9, 9],
      [1, 1],
      [5, 9],
    ] as const) {
      const state = start.apply(start.tr.setSelection(TextSelection.create(start.doc, from, to)));
      let dispatched = false;
      let result: EditorState | null = state;
      splitBlock(state, (tr) => {
        dispatched = true;
        result = dispatch(state, tr);
      });
      expect(dispatched, `${from}-${to}`).toBe(true);
      expect(result, `${from}-${to}`).toBeNull();
    }
    // Joining two paragraphs keeps the text where it was, and is still suggested.
    const two = stateOf(
      schema.nodeFromJSON({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'One.' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Two.' }] },
        ],
      }),
    );
    expect(dispatch(two, two.tr.delete(5, 7))).not.toBeNull();
    // Typing in the middle of a text is not a split.
    expect(dispatch(start, start.tr.insertText('x', 9))).not.toBeNull();
  });

  // The library once clipped the part of one's own insertion a later step of the same
  // transaction deletes at the step's position before the earlier steps moved it (patched,
  // decision 0096): a letter of the insertion became a deletion, and rejecting everything kept
  // a letter the text never had.
  it('formats across text and one’s own suggestion so that rejecting it all gives the text back', () => {
    const state = stateOf();
    const typed = dispatch(state, state.tr.insertText('new ', 10))!;
    expect(typed.doc.textContent).toBe('Clusters new grow.');
    // Italic over "s" and "ne": the "s" is made a replacement first, which moves what follows.
    const italic = schema.marks.italic!.create();
    const withItalic = typed.tr.addMark(8, 9, italic).addMark(10, 12, italic);
    const formatted = dispatch(typed, withItalic)!;
    let rejected = formatted;
    revertSuggestions(formatted, (tr) => (rejected = formatted.apply(tr)));
    expect(rejected.doc.textContent).toBe('Clusters grow.');
  });

  it('refuses a change it could only suggest as a block mark', () => {
    const state = stateOf();
    const heading = state.tr.setBlockType(1, 1, schema.nodes.heading!, { level: 2 });
    expect(suggestTransaction(heading, state, options)).toBeNull();
  });
});

describe('undo of one’s own suggestions through Yjs', () => {
  it('takes back the suggestion and keeps what others wrote meanwhile', () => {
    const server = prosemirrorJSONToYDoc(schema, start, FRAGMENT_NAME);
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(server));
    const fragment = mine.getXmlFragment(FRAGMENT_NAME);
    // The binding writes local changes under its plugin key, the origin its UndoManager tracks.
    const undoManager = new Y.UndoManager(fragment, { trackedOrigins: new Set([ySyncPluginKey]) });
    const { doc, meta } = initProseMirrorDoc(fragment, schema);
    const state = stateOf(doc);
    const suggested = dispatch(state, state.tr.insertText(' fast', 14).delete(1, 10))!;
    mine.transact(() => updateYFragment(mine, fragment, suggested.doc, meta), ySyncPluginKey);
    expect(marked(yXmlFragmentToProseMirrorRootNode(fragment, schema))).toHaveLength(2);

    // Someone else types at the start, and it reaches us before we undo.
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    const paragraph = theirs.getXmlFragment(FRAGMENT_NAME).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'New ');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)));

    undoManager.undo();
    const after = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    expect(after.textContent).toBe('New Clusters grow.');
    expect(marked(after)).toEqual([]);
  });
});
