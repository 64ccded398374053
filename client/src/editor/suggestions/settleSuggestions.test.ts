import { suggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import { buildSchema } from '@polisee/editor-schema';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { pendingSuggestions } from './pendingSuggestions';
import { settleSuggestions, type SuggestionFilter, type Verdict } from './settleSuggestions';

const schema = buildSchema();
const at = '2026-12-04T10:00:00.000Z';
const text = (value: string, type?: 'insertion' | 'deletion', id?: string, authorId?: string) => ({
  type: 'text',
  text: value,
  ...(type ? { marks: [{ type, attrs: { id, authorId, createdAt: at } }] } : {}),
});

/** "Clusters [grow→thrive by A] [fast+ by B] [together- by A]." */
function state() {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          text('Clusters '),
          text('grow', 'deletion', 's-1', 'user-a'),
          text('thrive', 'insertion', 's-1', 'user-a'),
          text(' '),
          text('fast ', 'insertion', 's-2', 'user-b'),
          text('together', 'deletion', 's-3', 'user-a'),
          text('.'),
        ],
      },
    ],
  });
  return EditorState.create({ schema, doc, plugins: [suggestChanges()] });
}

const settled = (s: EditorState, verdict: Verdict, filter: SuggestionFilter) => {
  const tr = settleSuggestions(s, verdict, filter);
  return tr ? s.apply(tr).doc : null;
};
const summary = (doc: PMNode) =>
  pendingSuggestions(doc).map((p) => [p.id, p.authorId, p.kind, p.inserted || p.deleted]);

describe('pendingSuggestions', () => {
  it('lists each suggestion with its author, kind and text', () => {
    expect(summary(state().doc)).toEqual([
      ['s-1', 'user-a', 'replace', 'thrive'],
      ['s-2', 'user-b', 'insert', 'fast '],
      ['s-3', 'user-a', 'delete', 'together'],
    ]);
    expect(pendingSuggestions(state().doc)[0]).toMatchObject({ deleted: 'grow', createdAt: at });
  });
});

describe('settleSuggestions', () => {
  it('accepts one suggestion: its deleted text goes, its inserted text stays unmarked', () => {
    const doc = settled(state(), 'accept', { mark: (m) => m.attrs.id === 's-1' })!;
    expect(doc.textContent).toBe('Clusters thrive fast together.');
    expect(summary(doc).map(([id]) => id)).toEqual(['s-2', 's-3']);
  });

  it('rejects one suggestion: its inserted text goes, its deleted text stays', () => {
    const doc = settled(state(), 'reject', { mark: (m) => m.attrs.id === 's-2' })!;
    expect(doc.textContent).toBe('Clusters growthrive together.');
    expect(summary(doc).map(([id]) => id)).toEqual(['s-1', 's-3']);
  });

  it('settles everything by one author, and nothing of anyone else', () => {
    const doc = settled(state(), 'accept', { mark: (m) => m.attrs.authorId === 'user-a' })!;
    expect(doc.textContent).toBe('Clusters thrive fast .');
    expect(summary(doc)).toEqual([['s-2', 'user-b', 'insert', 'fast ']]);
  });

  it('settles only what the selection touches', () => {
    // "fast " starts at 20 (after "Clusters growthrive ").
    const doc = settled(state(), 'reject', { range: { from: 21, to: 22 } })!;
    expect(doc.textContent).toBe('Clusters growthrive together.');
  });

  it('answers null when nothing matches', () => {
    expect(settleSuggestions(state(), 'accept', { mark: () => false })).toBeNull();
  });
});
