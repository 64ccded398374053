import { buildSchema } from '@polisee/editor-schema';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { commentHighlightsKey, commentHighlightsPlugin, threadRange } from './commentHighlights';

const schema = buildSchema();
const mark = (threadId: string) => ({ type: 'commentThread', attrs: { threadId } });

/** "Alpha [beta [gamma]] delta": thread a on "beta gamma", thread b on "gamma". */
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Alpha ' },
        { type: 'text', text: 'beta ', marks: [mark('a')] },
        { type: 'text', text: 'gamma', marks: [mark('a'), mark('b')] },
        { type: 'text', text: ' delta' },
      ],
    },
  ],
});

function decorated(state: EditorState) {
  return commentHighlightsKey
    .getState(state)!
    .decorations.find()
    .map((d) => ({
      text: state.doc.textBetween(d.from, d.to),
      class: (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
    }));
}

describe('comment highlights', () => {
  it('finds where a thread’s text is, across overlapping marks', () => {
    const state = EditorState.create({ doc });
    expect(
      state.doc.textBetween(...(Object.values(threadRange(state, 'a')!) as [number, number])),
    ).toBe('beta gamma');
    expect(
      state.doc.textBetween(...(Object.values(threadRange(state, 'b')!) as [number, number])),
    ).toBe('gamma');
    expect(threadRange(state, 'missing')).toBeNull();
  });

  it('highlights only visible threads and marks the active one and overlaps', () => {
    let state = EditorState.create({ doc, plugins: [commentHighlightsPlugin(() => undefined)] });
    expect(decorated(state)).toEqual([]);
    state = state.apply(
      state.tr.setMeta(commentHighlightsKey, { visible: new Set(['a']), active: null }),
    );
    expect(decorated(state)).toEqual([
      { text: 'beta ', class: 'comment-highlight' },
      { text: 'gamma', class: 'comment-highlight' },
    ]);
    state = state.apply(
      state.tr.setMeta(commentHighlightsKey, { visible: new Set(['a', 'b']), active: 'b' }),
    );
    expect(decorated(state)).toEqual([
      { text: 'beta ', class: 'comment-highlight' },
      {
        text: 'gamma',
        class: 'comment-highlight comment-highlight-overlap comment-highlight-active',
      },
    ]);
    // Edits keep the highlight on the same words.
    state = state.apply(state.tr.insertText('Urgent: ', 1));
    expect(decorated(state).map((d) => d.text)).toEqual(['beta ', 'gamma']);
  });
});
