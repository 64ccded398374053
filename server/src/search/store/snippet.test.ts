import { describe, expect, it } from 'vitest';
import { searchTermsOf } from './searchTerms.js';
import { SNIPPET_CHARS, snippetOf } from './snippet.js';

const terms = (text: string) => searchTermsOf(text)!;
const marked = (body: string, query: string) => {
  const s = snippetOf(body, terms(query));
  return s.ranges.map((r) => s.text.slice(r.start, r.end));
};

describe('snippetOf', () => {
  it('keeps a short body whole, with every match', () => {
    expect(snippetOf('Politica de coeziune și coeziunea regională', terms('coeziun'))).toEqual({
      text: 'Politica de coeziune și coeziunea regională',
      ranges: [
        { start: 12, end: 20 },
        { start: 24, end: 33 },
      ],
      cutStart: false,
      cutEnd: false,
    });
  });

  it('cuts a long body at word boundaries around the first match', () => {
    const body = `${'előzmény '.repeat(30)}a klaszterfinanszírozás ${'következmény '.repeat(30)}`;
    const s = snippetOf(body, terms('KLASZTERFINANSZÍROZÁS'));
    expect(s.cutStart && s.cutEnd).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(s.text).toMatch(/^előzmény .* következmény$/u);
    expect(marked(body, 'klaszterfinanszirozas')).toEqual(['klaszterfinanszírozás']);
  });

  it('cuts inside a word longer than the whole snippet rather than show nothing', () => {
    const body = 'x'.repeat(SNIPPET_CHARS * 2);
    expect(snippetOf(body, terms('nomatch')).text).toBe('x'.repeat(SNIPPET_CHARS));
  });

  it('highlights only whole words for all but the last query word', () => {
    expect(marked('Рила и Рилски манастир', 'рила рил')).toEqual(['Рила', 'Рилски']);
    expect(marked('Рила и Рилски манастир', 'рил манастир')).toEqual(['манастир']);
  });
});
