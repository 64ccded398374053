import {
  deletion as libraryDeletion,
  insertion as libraryInsertion,
  modification as libraryModification,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { attributeRule, isModificationValue } from './attributeRules.js';
import { buildSchema, SUGGESTION_MARK_NAMES } from './index.js';
import { stampSuggestionAuthor } from './stampSuggestionAuthor.js';

const schema = buildSchema();
const rule = (mark: string, attribute: string) => attributeRule('mark', mark, attribute);
const library = {
  insertion: libraryInsertion,
  deletion: libraryDeletion,
  modification: libraryModification,
};

let counter = 0;
const newId = () => `s-${++counter}`;

function stateOf(text: string) {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
  return EditorState.create({ schema, doc });
}

/** What the editor will dispatch in suggestion mode: the library's transform, then the author. */
function suggest(state: EditorState, change: (tr: Transaction) => void, authorId = 'user-a') {
  const tr = state.tr;
  change(tr);
  return state.apply(
    stampSuggestionAuthor(transformToSuggestionTransaction(tr, state, newId), authorId),
  );
}

/** The text runs of the first paragraph, with their suggestion marks. */
function runs(doc: PMNode) {
  const out: { text: string; marks: Record<string, unknown>[] }[] = [];
  doc.firstChild!.forEach((node) =>
    out.push({
      text: node.text!,
      marks: node.marks.map((m) => ({ type: m.type.name, ...m.attrs })),
    }),
  );
  return out;
}

describe('suggestion marks in the shared schema', () => {
  it('are the marks the library looks up, with its exclusions and attributes', () => {
    for (const name of SUGGESTION_MARK_NAMES) {
      const ours = schema.marks[name]!;
      expect(ours, name).toBeDefined();
      expect(ours.spec.excludes, name).toBe(library[name].excludes);
      expect(ours.spec.inclusive, name).toBe(library[name].inclusive);
      for (const attribute of Object.keys(library[name].attrs ?? {}))
        expect(ours.spec.attrs, `${name}.${attribute}`).toHaveProperty(attribute);
      expect(ours.spec.attrs, name).toHaveProperty('authorId');
    }
  });

  it('has a rule for every attribute the marks declare', () => {
    for (const name of SUGGESTION_MARK_NAMES)
      for (const attribute of Object.keys(schema.marks[name]!.spec.attrs ?? {}))
        expect(rule(name, attribute)('x'.repeat(5000)), `${name}.${attribute}`).toBe(false);
  });

  it('takes opaque string ids and authors, never numbers or null', () => {
    for (const name of SUGGESTION_MARK_NAMES) {
      expect(rule(name, 'id')('3f2b6c1e-8d4a-4c3e-9f00-1a2b3c4d5e6f')).toBe(true);
      expect(rule(name, 'authorId')('user-a')).toBe(true);
      for (const bad of [1, null, '', 'a b', '<script>', 'x'.repeat(65)]) {
        expect(rule(name, 'id')(bad), `${name}.id ${String(bad)}`).toBe(false);
        expect(rule(name, 'authorId')(bad), `${name}.authorId ${String(bad)}`).toBe(false);
      }
    }
  });

  it('takes a creation time as an ISO 8601 UTC instant, or none', () => {
    for (const name of SUGGESTION_MARK_NAMES) {
      for (const good of ['2026-12-04T22:03:34.512Z', '2026-12-04T22:03:34Z', null])
        expect(rule(name, 'createdAt')(good), `${name}.createdAt ${String(good)}`).toBe(true);
      for (const bad of [
        1764885814512,
        '',
        'yesterday',
        '2026-12-04',
        '2026-12-04T22:03:34+02:00',
        '2026-13-45T99:99:99Z',
        '2026-12-04T22:03:34.512Z<script>',
      ])
        expect(rule(name, 'createdAt')(bad), `${name}.createdAt ${String(bad)}`).toBe(false);
    }
  });

  it('takes the values a modification writes back, and no unsafe mark', () => {
    expect(rule('modification', 'type')('attr')).toBe(true);
    expect(rule('modification', 'type')('style')).toBe(false);
    expect(rule('modification', 'attrName')('level')).toBe(true);
    expect(rule('modification', 'attrName')(null)).toBe(true);
    expect(rule('modification', 'attrName')('on click')).toBe(false);
    for (const value of [2, null, 'heading', [120, null], { type: 'bold' }])
      expect(isModificationValue(value), JSON.stringify(value)).toBe(true);
    expect(isModificationValue({ type: 'link', attrs: { href: 'https://example.org' } })).toBe(
      true,
    );
    for (const value of [
      { type: 'link', attrs: { href: 'javascript:alert(1)' } },
      { type: 'commentThread', attrs: { threadId: '../x' } },
      { type: 'bold', extra: 1 },
      { type: 'bold', attrs: [1] },
      { type: 'not a name' },
      [{ nested: true }],
      { level: 2 },
    ])
      expect(isModificationValue(value), JSON.stringify(value)).toBe(false);
  });
});

describe('the library on the shared schema', () => {
  it('turns typing into an insertion by the author', () => {
    const next = suggest(stateOf('Clusters grow.'), (tr) => tr.insertText(' fast', 15));
    expect(next.doc.textContent).toBe('Clusters grow. fast');
    expect(runs(next.doc)[1]).toMatchObject({
      text: ' fast',
      marks: [{ type: 'insertion', authorId: 'user-a' }],
    });
    expect(runs(next.doc)[1]!.marks[0]!.id).toMatch(/^s-\d+$/);
  });

  it('turns a deletion into marked text that stays', () => {
    const next = suggest(stateOf('Clusters grow.'), (tr) => tr.delete(10, 14));
    expect(next.doc.textContent).toBe('Clusters grow.');
    expect(runs(next.doc)[1]).toMatchObject({
      text: 'grow',
      marks: [{ type: 'deletion', authorId: 'user-a' }],
    });
  });

  it('turns new formatting into the old text deleted and the formatted text inserted', () => {
    const next = suggest(stateOf('Clusters grow.'), (tr) =>
      tr.addMark(1, 9, schema.marks.bold!.create()),
    );
    const [deleted, inserted] = runs(next.doc);
    expect(deleted).toMatchObject({ text: 'Clusters', marks: [{ type: 'deletion' }] });
    expect(inserted!.text).toBe('Clusters');
    expect(inserted!.marks.map((m) => m.type)).toEqual(['bold', 'insertion']);
  });

  it('stamps the time of a new suggestion and keeps the time of one it joins', () => {
    const tr = stateOf('Clusters grow.').tr.insertText(' fast', 15);
    const state = stateOf('Clusters grow.');
    const first = state.apply(
      stampSuggestionAuthor(
        transformToSuggestionTransaction(tr, state, newId),
        'user-a',
        '2026-01-02T03:04:05.000Z',
      ),
    );
    expect(runs(first.doc)[1]!.marks[0]!.createdAt).toBe('2026-01-02T03:04:05.000Z');
    // Someone else deletes A's neighbour: the library joins both under one id, re-creating A's
    // mark, which keeps A's time; the new deletion carries its own.
    const second = suggest(first, (t) => t.delete(10, 15), 'user-b');
    const marked = runs(second.doc).filter((run) => run.marks.length > 0);
    expect(marked.map((run) => [run.text, run.marks[0]!.authorId])).toEqual([
      ['grow.', 'user-b'],
      [' fast', 'user-a'],
    ]);
    expect(marked[1]!.marks[0]!.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(rule('deletion', 'createdAt')(marked[0]!.marks[0]!.createdAt)).toBe(true);
    expect(marked[0]!.marks[0]!.createdAt).not.toBe('2026-01-02T03:04:05.000Z');
  });

  it('grows one suggestion, with one time, as the author types letter by letter', () => {
    let state = stateOf('Clusters grow.');
    for (const [i, letter] of [...' fast'].entries()) {
      const pos = 15 + i;
      const tr = state.tr.insertText(letter, pos);
      state = state.apply(
        stampSuggestionAuthor(
          transformToSuggestionTransaction(tr, state, newId),
          'user-a',
          `2026-01-02T03:04:0${i}.000Z`,
        ),
      );
    }
    expect(runs(state.doc)[1]).toMatchObject({
      text: ' fast',
      marks: [{ type: 'insertion', authorId: 'user-a', createdAt: '2026-01-02T03:04:00.000Z' }],
    });
  });

  it('keeps the authors of the suggestions it joins', () => {
    const byA = suggest(stateOf('Clusters grow.'), (tr) => tr.delete(1, 9), 'user-a');
    const byC = suggest(byA, (tr) => tr.delete(10, 14), 'user-c');
    // B deletes the space between A's and C's deletions: the library gives all three one id,
    // re-creating C's mark without its author. C's stays C's, id included, and B's is B's own.
    const idsBefore = runs(byC.doc).flatMap((run) => run.marks.map((m) => m.id));
    const byB = suggest(byC, (tr) => tr.delete(9, 10), 'user-b');
    const marked = runs(byB.doc).filter((run) => run.marks.length > 0);
    const [a, b, c] = marked.map((run) => run.marks[0]!.id);
    expect([a, c]).toEqual(idsBefore);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(marked.map((run) => [run.text, run.marks[0]!.authorId])).toEqual([
      ['Clusters', 'user-a'],
      [' ', 'user-b'],
      ['grow', 'user-c'],
    ]);
  });

  it('stamps one’s own typing next to another’s suggestion as one’s own, under its own id', () => {
    // B suggests "big " before "grow"; A then types around it, and into it.
    const byB = suggest(stateOf('Clusters grow.'), (tr) => tr.insertText('big ', 10), 'user-b');
    const bId = runs(byB.doc)[1]!.marks[0]!.id;
    for (const [where, pos] of [
      ['right before', 10],
      ['right after', 14],
      ['inside', 12],
    ] as const) {
      let state = byB;
      for (const [i, letter] of [...'very'].entries()) {
        state = suggest(state, (tr) => tr.insertText(letter, pos + i), 'user-a');
      }
      const mine = runs(state.doc).filter((run) => run.marks[0]?.authorId === 'user-a');
      expect(mine.map((run) => run.text).join(''), where).toBe('very');
      // One suggestion of A's, whatever the library joined: one id, never B's.
      const ids = new Set(mine.map((run) => run.marks[0]!.id));
      expect(ids.size, where).toBe(1);
      expect(ids.has(bId), where).toBe(false);
      const theirs = runs(state.doc).filter((run) => run.marks[0]?.authorId === 'user-b');
      expect(
        theirs.map((run) => run.marks[0]!.id),
        where,
      ).toEqual(theirs.map(() => bId));
    }
  });

  it('gives a replacement next to another’s suggestion one id of its own', () => {
    // B suggests deleting "Clusters ", right up to the word A replaces.
    const byB = suggest(stateOf('Clusters grow.'), (tr) => tr.delete(1, 10), 'user-b');
    const byA = suggest(byB, (tr) => tr.insertText('shrink', 10, 14), 'user-a');
    const marked = runs(byA.doc).filter((run) => run.marks.length > 0);
    const mine = marked.filter((run) => run.marks[0]!.authorId === 'user-a');
    expect(mine.map((run) => [run.text, run.marks[0]!.type])).toEqual([
      ['grow', 'deletion'],
      ['shrink', 'insertion'],
    ]);
    expect(new Set(mine.map((run) => run.marks[0]!.id)).size).toBe(1);
    expect(mine[0]!.marks[0]!.id).not.toBe(marked[0]!.marks[0]!.id);
  });
});
