import { buildSchema } from '@polisee/editor-schema';
import { describe, expect, it } from 'vitest';
import { findQuote } from './findQuote';

const schema = buildSchema();
const p = (...text: string[]) => ({
  type: 'paragraph',
  content: text.map((t, i) =>
    i % 2 ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t },
  ),
});
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Στόχοι' }] },
    p('Η πολιτική για τα cluster.'),
    // The second "πολιτική" is bold: three text nodes, and three spaces where the index has one.
    p('Μια άλλη ', 'πολιτική', ' με   κενά.'),
  ],
});

const text = (range: { from: number; to: number } | null) =>
  range ? doc.textBetween(range.from, range.to) : null;

describe('finding a search quote in the document', () => {
  it('tells repeats of a word apart by the text around it, across marks and spaces', () => {
    const range = findQuote(doc, { exact: 'πολιτική', prefix: 'Μια άλλη ', suffix: ' με κενά' });
    expect(text(range)).toBe('πολιτική');
    // The second one, not the first.
    expect(range!.from).toBeGreaterThan(
      findQuote(doc, { exact: 'πολιτική', prefix: '', suffix: '' })!.from,
    );
  });

  it('matches across a block boundary however the index joined the blocks', () => {
    const range = findQuote(doc, { exact: 'Μια', prefix: 'cluster.\n', suffix: ' άλλη' });
    expect(text(range)).toBe('Μια');
  });

  it('falls back to the exact text alone when the text around it has changed', () => {
    const range = findQuote(doc, { exact: 'πολιτική', prefix: 'deleted words ', suffix: '' });
    expect(text(range)).toBe('πολιτική');
    expect(range!.from).toBe(findQuote(doc, { exact: 'πολιτική', prefix: '', suffix: '' })!.from);
  });

  it('finds nothing for text that is gone, or for an empty quote', () => {
    expect(findQuote(doc, { exact: 'ανύπαρκτο', prefix: '', suffix: '' })).toBeNull();
    expect(findQuote(doc, { exact: '  ', prefix: 'a', suffix: 'b' })).toBeNull();
  });
});
