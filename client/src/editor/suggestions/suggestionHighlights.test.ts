import { buildSchema } from '@polisee/editor-schema';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { organisationColor } from './authors';
import {
  suggestionHighlightsKey,
  suggestionHighlightsPlugin,
  type DescribeSuggestion,
} from './suggestionHighlights';

const schema = buildSchema();
const authors: Record<string, { name: string; organisation: string }> = {
  'user-a': { name: 'Mihai Popescu', organisation: 'Agency North' },
  'user-b': { name: 'Eleni Papadopoulou', organisation: 'Region West' },
};
const describeMark: DescribeSuggestion = (mark) => {
  const author = authors[mark.attrs.authorId as string];
  return { color: organisationColor(author), title: author?.name ?? 'Someone' };
};

function state() {
  const mark = (type: string, id: string, authorId: string) => ({
    type,
    attrs: { id, authorId, createdAt: null },
  });
  return EditorState.create({
    schema,
    plugins: [suggestionHighlightsPlugin()],
    doc: schema.nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'old', marks: [mark('deletion', 's-1', 'user-a')] },
            { type: 'text', text: ' kept ' },
            { type: 'text', text: 'new', marks: [mark('insertion', 's-2', 'user-b')] },
          ],
        },
      ],
    }),
  });
}

describe('suggestion highlights', () => {
  it('colour each suggestion by its organisation and name its author', () => {
    const start = state();
    const next = start.apply(start.tr.setMeta(suggestionHighlightsKey, describeMark));
    const found = suggestionHighlightsKey
      .getState(next)!
      .decorations.find()
      .map((d) => [d.from, d.to, (d as unknown as { type: { attrs: object } }).type.attrs]);
    expect(found).toEqual([
      [
        1,
        4,
        {
          class: 'suggestion-by',
          style: `--suggestion-color: ${organisationColor(authors['user-a'])}`,
          title: 'Mihai Popescu',
        },
      ],
      [
        10,
        13,
        {
          class: 'suggestion-by',
          style: `--suggestion-color: ${organisationColor(authors['user-b'])}`,
          title: 'Eleni Papadopoulou',
        },
      ],
    ]);
    // Same organisation, same colour on every client; an unknown author is grey.
    expect(organisationColor({ name: 'x', organisation: 'Agency North' })).toBe(
      organisationColor(authors['user-a']),
    );
    expect(organisationColor(undefined)).toBe('#4b5563');
  });

  it('show nothing until the page says who is who', () => {
    expect(suggestionHighlightsKey.getState(state())!.decorations.find()).toEqual([]);
  });
});
