import { revertSuggestion } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { directUpdate, suggestionSchema, suggestionUpdate } from '../testing/suggestions.js';
import { witnessUpdate, type WitnessedChange } from './witnessUpdate.js';

/**
 * Settling suggestions, read the way the room reads them (decision 0069): real Y.Docs written
 * through the shared schema by the suggestion library, each update witnessed inside a
 * transaction as the room integrates it. Alice suggests; Bob, an editor, rejects; or Alice
 * takes her own suggestion back.
 */
const ALICE = 'user-alice';
const BOB = 'user-bob';

/** Integrates `update` into `doc` as the room does, as sent by `userId`; what it did. */
function witness(doc: Y.Doc, update: Uint8Array, userId: string): WitnessedChange[] {
  let changes: WitnessedChange[] = [];
  doc.transact(() => {
    changes = witnessUpdate(doc, Y.decodeUpdate(update), userId, () => Y.applyUpdate(doc, update));
  });
  return changes;
}

/** A document holding one paragraph, written directly by Bob. */
function documentWith(text: string) {
  const doc = new Y.Doc();
  const update = directUpdate(doc, (tr, pmDoc) =>
    tr.insert(
      pmDoc.content.size,
      suggestionSchema.nodes.paragraph!.create(null, suggestionSchema.text(text)),
    ),
  );
  expect(witness(doc, update, BOB)).toEqual([
    {
      kind: 'edit',
      clientId: expect.any(Number),
      inserted: text.length,
      deleted: 0,
      suggestionIds: [],
    },
  ]);
  return doc;
}

/** Where `word` ends in the ProseMirror document (it must occur). */
function endOf(pmDoc: Node, word: string): number {
  let at = -1;
  pmDoc.descendants((node, pos) => {
    const i = node.isText ? node.text!.indexOf(word) : -1;
    if (i >= 0) at = pos + i + word.length;
  });
  expect(at, word).toBeGreaterThan(0);
  return at;
}

/** Alice's suggestion, as her editor in suggestion mode sends it; and its id. */
function suggest(doc: Y.Doc, change: (tr: Transaction, pmDoc: Node) => void) {
  const update = suggestionUpdate(doc, ALICE, change);
  const [made] = witness(doc, update, ALICE);
  expect(made).toMatchObject({ kind: 'suggestion', suggestionIds: [expect.any(String)] });
  return made!;
}

/** The library's "reject" of one suggestion (as the editor's settle command runs it), by `userId`. */
function revert(doc: Y.Doc, suggestionId: string, userId: string) {
  const update = directUpdate(doc, (tr, pmDoc) => {
    const done = revertSuggestion(suggestionId)(EditorState.create({ doc: pmDoc }), (step) =>
      step.steps.forEach((s) => tr.step(s)),
    );
    expect(done).toBe(true);
  });
  return witness(doc, update, userId);
}

describe('witnessUpdate: settling a suggestion', () => {
  it('counts someone else’s suggested text deleted as a reject of that suggestion', () => {
    const doc = documentWith('Alpha plan');
    const made = suggest(doc, (tr, pmDoc) => tr.insertText(' Charlie', endOf(pmDoc, 'Alpha plan')));
    expect(made).toMatchObject({ inserted: 8, deleted: 0, clientId: expect.any(Number) });

    expect(revert(doc, made.suggestionIds[0]!, BOB)).toEqual([
      {
        kind: 'reject',
        clientId: null,
        inserted: 8,
        deleted: 0,
        suggestionIds: made.suggestionIds,
      },
    ]);
  });

  it('counts someone else’s deletion mark removed, the text kept, as a reject', () => {
    const doc = documentWith('Alpha plan');
    const made = suggest(doc, (tr, pmDoc) =>
      tr.delete(endOf(pmDoc, 'Alpha plan') - 4, endOf(pmDoc, 'Alpha plan')),
    );
    expect(made).toMatchObject({ inserted: 0, deleted: 4, clientId: null });

    expect(revert(doc, made.suggestionIds[0]!, BOB)).toEqual([
      {
        kind: 'reject',
        clientId: null,
        inserted: 0,
        deleted: 4,
        suggestionIds: made.suggestionIds,
      },
    ]);
  });

  it('does not count taking back one’s own suggested text as a settlement', () => {
    const doc = documentWith('Alpha plan');
    const made = suggest(doc, (tr, pmDoc) => tr.insertText(' Charlie', endOf(pmDoc, 'Alpha plan')));

    // Her characters go again, as a change of her own suggestion; no one settled anything.
    expect(revert(doc, made.suggestionIds[0]!, ALICE)).toEqual([
      { kind: 'suggestion', clientId: null, inserted: 0, deleted: 8, suggestionIds: [] },
    ]);
  });

  it('does not count taking back one’s own deletion mark at all', () => {
    const doc = documentWith('Alpha plan');
    const made = suggest(doc, (tr, pmDoc) =>
      tr.delete(endOf(pmDoc, 'Alpha plan') - 4, endOf(pmDoc, 'Alpha plan')),
    );

    expect(revert(doc, made.suggestionIds[0]!, ALICE)).toEqual([]);
  });
});
