import { buildSchema } from '@polisee/editor-schema';
import { describe, expect, it } from 'vitest';
import { cleanOptions, listItemsAround, sectionParagraphs } from './pollOptions';
import { headingsOf } from './headings';

const schema = buildSchema();
const text = (t: string) => (t ? [{ type: 'text', text: t }] : []);
const p = (t: string) => ({ type: 'paragraph', content: text(t) });
const h = (level: number, t: string) => ({ type: 'heading', attrs: { level }, content: text(t) });
const li = (t: string, nested?: object) => ({
  type: 'listItem',
  content: nested ? [p(t), nested] : [p(t)],
});

const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    h(1, 'Options'),
    p('Pick one of these:'),
    {
      type: 'bulletList',
      content: [
        li('Green   corridor'),
        li('Shared lab', { type: 'orderedList', content: [li('Sub one'), li('Sub two')] }),
        li('green corridor'),
        li(''),
        li('Training'),
      ],
    },
    h(2, 'Measures'),
    p('Fund pilots'),
    p(''),
    p('Open data'),
    h(3, 'Detail'),
    p('Detail paragraph'),
    h(2, 'Next'),
    p('Not in the section'),
  ],
});

function posOf(needle: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found === -1 && node.isText && node.text?.includes(needle)) found = pos + 1;
  });
  return found;
}

describe('listItemsAround', () => {
  it('takes the items of the list the selection is in, without sub-lists, repeats or blanks', () => {
    expect(listItemsAround(doc, posOf('Training'))).toEqual([
      'Green corridor',
      'Shared lab',
      'Training',
    ]);
  });

  it('takes the innermost list when the selection is in a nested one', () => {
    expect(listItemsAround(doc, posOf('Sub two'))).toEqual(['Sub one', 'Sub two']);
  });

  it('gives nothing outside a list', () => {
    expect(listItemsAround(doc, posOf('Pick one'))).toEqual([]);
  });
});

describe('sectionParagraphs', () => {
  it('takes the paragraphs under a heading, sub-sections included, up to the next peer', () => {
    const measures = headingsOf(doc).find((x) => x.text === 'Measures')!;
    expect(sectionParagraphs(doc, measures.pos)).toEqual([
      'Fund pilots',
      'Open data',
      'Detail paragraph',
    ]);
  });

  it('includes list items’ paragraphs and nothing for a position that is no heading', () => {
    const options = headingsOf(doc).find((x) => x.text === 'Options')!;
    expect(sectionParagraphs(doc, options.pos)).toContain('Shared lab');
    expect(sectionParagraphs(doc, posOf('Fund'))).toEqual([]);
  });
});

describe('cleanOptions', () => {
  it('keeps at most the poll’s limit of options, each within the length limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Option ${i}`);
    expect(cleanOptions(many)).toHaveLength(20);
    expect(cleanOptions(['x'.repeat(400)])[0]).toHaveLength(300);
  });
});
