import { buildDiffSchema, buildSchema, type JSONContent } from '@polisee/editor-schema';
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { carryMarks, diffDocuments, diffToJSON } from './index.js';

const schema = buildDiffSchema();

type Inline = string | JSONContent;
const text = (t: Inline): JSONContent => (typeof t === 'string' ? { type: 'text', text: t } : t);
const p = (...content: Inline[]): JSONContent => ({
  type: 'paragraph',
  content: content.map(text),
});
const bold = (t: string): JSONContent => ({ type: 'text', text: t, marks: [{ type: 'bold' }] });
const heading = (level: number, t: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content: [text(t)],
});
const li = (t: string): JSONContent => ({ type: 'listItem', content: [p(t)] });
const list = (...items: string[]): JSONContent => ({ type: 'bulletList', content: items.map(li) });
const table = (...rows: string[][]): JSONContent => ({
  type: 'table',
  content: rows.map((cells) => ({
    type: 'tableRow',
    content: cells.map((c) => ({ type: 'tableCell', content: [p(c)] })),
  })),
});
const doc = (...content: JSONContent[]) => schema.nodeFromJSON({ type: 'doc', content });

/** The marked runs of the comparison, in order: `+text`, `-text`, `~text(+bold)`. */
function marked(result: PMNode): string[] {
  const runs: string[] = [];
  result.descendants((node) => {
    if (!node.isText) return true;
    const names = node.marks.map((m) => m.type.name);
    if (names.includes('diffInsert')) runs.push(`+${node.text}`);
    else if (names.includes('diffDelete')) runs.push(`-${node.text}`);
    const format = node.marks.find((m) => m.type.name === 'diffFormat');
    if (format) {
      const { added, removed } = format.attrs as { added: string[]; removed: string[] };
      runs.push(`~${node.text}(${[...added.map((a) => `+${a}`), ...removed.map((r) => `-${r}`)]})`);
    }
    return false;
  });
  return runs;
}

/** Blocks flagged with the `diff` attribute: `type:value`. */
function flagged(result: PMNode): string[] {
  const out: string[] = [];
  result.descendants((node) => {
    if (node.attrs.diff) out.push(`${node.type.name}:${node.attrs.diff as string}`);
    return true;
  });
  return out;
}

function compare(a: PMNode, b: PMNode) {
  const result = diffDocuments(a, b);
  // Always a valid document of the diff schema.
  expect(() => result.doc.check()).not.toThrow();
  return result;
}

describe('comparing two versions', () => {
  it('finds nothing between equal documents', () => {
    const result = compare(doc(p('Same text')), doc(p('Same text')));
    expect(result.stats).toEqual({ inserted: 0, deleted: 0, formatChanged: 0 });
    expect(result.doc.eq(doc(p('Same text')))).toBe(true);
  });

  it('marks inserted words inside a paragraph', () => {
    const result = compare(
      doc(p('The plan funds clusters.')),
      doc(p('The regional plan funds clusters.')),
    );
    expect(marked(result.doc)).toEqual(['+regional ']);
    expect(result.doc.textContent).toBe('The regional plan funds clusters.');
    expect(result.stats).toEqual({ inserted: 1, deleted: 0, formatChanged: 0 });
  });

  it('puts deleted words back where they stood, marked', () => {
    const result = compare(
      doc(p('The plan funds all the clusters.'), p('Second.')),
      doc(p('The plan funds clusters.'), p('Second.')),
    );
    expect(marked(result.doc)).toEqual(['-all the ']);
    expect(result.doc.firstChild!.textContent).toBe('The plan funds all the clusters.');
    expect(result.stats).toEqual({ inserted: 0, deleted: 1, formatChanged: 0 });
  });

  it('shows a replaced word as the old one deleted and the new one inserted, whole words', () => {
    const result = compare(doc(p('A strong network')), doc(p('A solid network')));
    expect(marked(result.doc)).toEqual(['-strong', '+solid']);
    // A pure addition to a word stays just that.
    expect(marked(compare(doc(p('A strong one')), doc(p('A stronger one'))).doc)).toEqual(['+er']);
  });

  it('shows a move within a paragraph as a deletion and an insertion', () => {
    const result = compare(
      doc(p('Innovation and skills drive growth.')),
      doc(p('Skills and innovation drive growth.')),
    );
    const runs = marked(result.doc);
    expect(runs.some((r) => r.startsWith('-') && /Innovation/.test(r))).toBe(true);
    expect(runs.some((r) => r.startsWith('+') && /Skills/.test(r))).toBe(true);
    // The unchanged tail is not marked.
    expect(runs.join('')).not.toContain('drive growth');
    expect(result.stats.inserted).toBeGreaterThan(0);
    expect(result.stats.deleted).toBeGreaterThan(0);
  });

  it('marks formatting changes without marking the text as changed', () => {
    const result = compare(
      doc(p('Make this bold, and this not.')),
      doc(p('Make ', bold('this'), ' bold, and this not.')),
    );
    expect(marked(result.doc)).toEqual(['~this(+bold)']);
    expect(result.stats).toEqual({ inserted: 0, deleted: 0, formatChanged: 1 });
    const unbolded = compare(doc(p('Make ', bold('this'), ' plain.')), doc(p('Make this plain.')));
    expect(marked(unbolded.doc)).toEqual(['~this(-bold)']);
  });

  it('marks a list item added, and a list item removed, as whole items', () => {
    const added = compare(doc(list('one', 'three')), doc(list('one', 'two', 'three')));
    expect(marked(added.doc)).toEqual(['+two']);
    expect(flagged(added.doc)).toEqual(['listItem:insert']);
    expect(added.stats).toEqual({ inserted: 1, deleted: 0, formatChanged: 0 });

    const removed = compare(doc(list('one', 'two', 'three')), doc(list('one', 'three')));
    expect(marked(removed.doc)).toEqual(['-two']);
    expect(flagged(removed.doc)).toContain('listItem:delete');
    expect(removed.doc.firstChild!.childCount).toBe(3);
    expect(removed.stats).toEqual({ inserted: 0, deleted: 1, formatChanged: 0 });
  });

  it('marks a changed table cell inside the table, leaving the other cells alone', () => {
    const result = compare(
      doc(table(['Action', 'Budget'], ['Training', '10,000 EUR'])),
      doc(table(['Action', 'Budget'], ['Training', '12,500 EUR'])),
    );
    const runs = marked(result.doc);
    expect(runs.filter((r) => r.startsWith('-')).join('')).toMatch(/10/);
    expect(runs.filter((r) => r.startsWith('+')).join('')).toMatch(/12/);
    expect(runs.join('')).not.toMatch(/Training|Action|Budget/);
    // Still one table of two rows of two cells.
    const tableNode = result.doc.firstChild!;
    expect(tableNode.type.name).toBe('table');
    expect(tableNode.childCount).toBe(2);
    expect(tableNode.child(1).childCount).toBe(2);
  });

  it('marks a row added to a table as a whole row', () => {
    const result = compare(doc(table(['a', 'b'])), doc(table(['a', 'b'], ['c', 'd'])));
    expect(flagged(result.doc)).toEqual(['tableRow:insert']);
    expect(marked(result.doc)).toEqual(['+c', '+d']);
  });

  it('flags a paragraph that became a heading, and a heading whose level changed', () => {
    const result = compare(
      doc(p('Introduction'), heading(2, 'Goals'), p('Body')),
      doc(heading(1, 'Introduction'), heading(3, 'Goals'), p('Body')),
    );
    expect(flagged(result.doc)).toEqual(['heading:format', 'heading:format']);
    expect(marked(result.doc)).toEqual([]);
    expect(result.stats.formatChanged).toBe(2);
  });

  it('shows an added paragraph and a removed one as whole blocks', () => {
    const result = compare(
      doc(p('Kept first'), p('Dropped entirely'), p('Kept last')),
      doc(p('Kept first'), p('Kept last'), p('Brand new closing words')),
    );
    expect(marked(result.doc)).toEqual(['-Dropped entirely', '+Brand new closing words']);
    expect(flagged(result.doc)).toEqual(['paragraph:delete', 'paragraph:insert']);
  });

  it('shows a changed code block whole (code takes no marks)', () => {
    const code = (t: string): JSONContent => ({ type: 'codeBlock', content: [text(t)] });
    const result = compare(doc(p('x'), code('let a = 1')), doc(p('x'), code('let a = 2')));
    expect(flagged(result.doc)).toEqual(['codeBlock:delete', 'codeBlock:insert']);
  });

  it('serialises without the unset diff attribute', () => {
    const result = compare(doc(p('a')), doc(p('a'), p('b')));
    const json = JSON.stringify(diffToJSON(result.doc));
    expect(json).not.toContain('"diff":null');
    expect(json).toContain('"diff":"insert"');
  });

  it('keeps a document of 25,000 words fast to compare', () => {
    const words = (n: number, seed: number) =>
      Array.from({ length: n }, (_, i) => `word${(i * 7 + seed) % 997}`).join(' ');
    const paragraphs = Array.from({ length: 500 }, (_, i) => p(words(50, i)));
    const before = doc(...paragraphs);
    const after = doc(
      ...paragraphs.map((para, i) => (i % 50 === 7 ? p(`${words(50, i)} and more`) : para)),
    );
    const started = performance.now();
    const result = compare(before, after);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.stats.inserted).toBe(10);
  });
});

describe('carrying comment anchors onto another version', () => {
  const shared = buildSchema();
  const anchored = (t: string, threadId: string): JSONContent => ({
    type: 'text',
    text: t,
    marks: [{ type: 'commentThread', attrs: { threadId } }],
  });
  const sdoc = (...content: JSONContent[]) => shared.nodeFromJSON({ type: 'doc', content });

  it('keeps anchors on text that survives and drops those whose text is gone', () => {
    const live = sdoc(
      p('Keep ', anchored('this phrase', 't1'), ' here.'),
      p('Drop ', anchored('that one', 't2'), '.'),
    );
    const version = sdoc(p('Keep this phrase here.'), p('Something else entirely.'));
    const result = carryMarks(live, version, shared.marks.commentThread!);
    const ids: Record<string, string> = {};
    result.descendants((node) => {
      for (const m of node.marks)
        ids[m.attrs.threadId as string] = (ids[m.attrs.threadId as string] ?? '') + node.text;
      return true;
    });
    expect(ids).toEqual({ t1: 'this phrase' });
    expect(result.textContent).toBe(version.textContent);
  });
});
