import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';
import { Highlighted } from './Highlighted';

const marked = (text: string, ranges: { start: number; end: number }[]) =>
  highlightSegments(text, ranges)
    .map((s) => (s.marked ? `[${s.text}]` : s.text))
    .join('');

describe('highlighting matched ranges', () => {
  it('marks each range and keeps the text between', () => {
    expect(
      marked('cluster policy and policies', [
        { start: 8, end: 14 },
        { start: 19, end: 27 },
      ]),
    ).toBe('cluster [policy] and [policies]');
  });

  it('leaves text without ranges as one plain piece', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', marked: false }]);
  });

  it('merges overlapping, nested, adjacent and unordered ranges into one mark', () => {
    const text = 'abcdefghij';
    expect(
      marked(text, [
        { start: 6, end: 8 },
        { start: 1, end: 4 },
        { start: 2, end: 3 },
        { start: 3, end: 5 },
        { start: 8, end: 9 },
      ]),
    ).toBe('a[bcde]f[ghi]j');
  });

  it('never splits a surrogate pair', () => {
    // "😀" is two UTF-16 units: a range cutting through it widens to the whole character.
    const text = 'a😀b😀c';
    expect(marked(text, [{ start: 2, end: 4 }])).toBe('a[😀b]😀c');
    expect(marked(text, [{ start: 3, end: 5 }])).toBe('a😀[b😀]c');
    expect(marked(text, [{ start: 1, end: 3 }])).toBe('a[😀]b😀c');
  });

  it('clamps ranges to the text and drops empty or inverted ones', () => {
    expect(
      marked('short', [
        { start: 3, end: 99 },
        { start: 2, end: 2 },
        { start: 4, end: 1 },
      ]),
    ).toBe('sho[rt]');
  });

  it('renders marks as elements and the text as text, never as markup', () => {
    const html = renderToStaticMarkup(
      createElement(Highlighted, {
        text: '<b>πολιτική</b> & more',
        ranges: [{ start: 3, end: 11 }],
      }),
    );
    expect(html).toBe('&lt;b&gt;<mark>πολιτική</mark>&lt;/b&gt; &amp; more');
  });
});
