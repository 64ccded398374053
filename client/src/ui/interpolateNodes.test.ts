import { describe, expect, it } from 'vitest';
import { markersFor, splitMarked } from './interpolateNodes';

describe('splitMarked', () => {
  const marks = markersFor(['actor', 'title'] as const);

  it('finds named parts in the order the language put them', () => {
    const sentence = `${marks.title} wurde von ${marks.actor} erstellt`;
    expect(splitMarked(sentence)).toEqual([
      { name: 'title' },
      { text: ' wurde von ' },
      { name: 'actor' },
      { text: ' erstellt' },
    ]);
  });

  it('leaves markup in the text as text', () => {
    expect(splitMarked(`${marks.actor} <b>x</b>`)).toEqual([
      { name: 'actor' },
      { text: ' <b>x</b>' },
    ]);
  });

  it('returns plain text unchanged', () => {
    expect(splitMarked('no placeholders')).toEqual([{ text: 'no placeholders' }]);
  });
});
