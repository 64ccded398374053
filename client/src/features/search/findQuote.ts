import type { SearchMatchQuote } from '@polisee/contracts';
import type { Node as PMNode } from '@tiptap/pm/model';

/** The document's text as one string, with the document position of every UTF-16 unit. */
interface FlatText {
  text: string;
  /** Per character of `text`: its position in the document, or -1 for a block separator. */
  positions: number[];
}

const SPACE = /\s/;

/**
 * The text of every textblock in order, blocks and hard breaks separated by one space, every
 * run of white space made one space: the index's body and the editor's text need not agree on
 * how blocks are joined, only on the words and their order.
 */
function flatten(doc: PMNode): FlatText {
  let text = '';
  const positions: number[] = [];
  const push = (char: string, pos: number) => {
    const space = SPACE.test(char);
    if (space && (text === '' || text.endsWith(' '))) return;
    text += space ? ' ' : char;
    positions.push(pos);
  };
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      push(' ', -1);
      return true;
    }
    if (node.isText) {
      const value = node.text ?? '';
      for (let i = 0; i < value.length; i++) push(value[i]!, pos + i);
      return false;
    }
    if (node.isInline && node.isLeaf) push(' ', -1);
    return true;
  });
  return { text, positions };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The document range of `text[start, end)`, or null when it holds no character of the text. */
function rangeOf(flat: FlatText, start: number, end: number) {
  let from = start;
  let to = end - 1;
  while (from <= to && flat.positions[from] === -1) from++;
  while (to >= from && flat.positions[to] === -1) to--;
  if (from > to) return null;
  return { from: flat.positions[from]!, to: flat.positions[to]! + 1 };
}

/**
 * Where a search hit's quote stands in the document now (a W3C TextQuoteSelector, as the
 * contract sends it): `prefix + exact + suffix` first, as that tells repeats of a word apart,
 * then `exact` alone, since the text around it may have changed since it was indexed.
 * Null when the text is gone: the document opens at its top.
 */
export function findQuote(
  doc: PMNode,
  quote: SearchMatchQuote,
): { from: number; to: number } | null {
  const exact = collapse(quote.exact).trim();
  if (!exact) return null;
  const flat = flatten(doc);
  // The exact text has no white space at its ends, so the collapsed parts join as they are.
  const prefix = collapse(quote.prefix).trimStart();
  const suffix = collapse(quote.suffix).trimEnd();
  const at = prefix || suffix ? flat.text.indexOf(prefix + exact + suffix) : -1;
  if (at >= 0) return rangeOf(flat, at + prefix.length, at + prefix.length + exact.length);
  const alone = flat.text.indexOf(exact);
  return alone >= 0 ? rangeOf(flat, alone, alone + exact.length) : null;
}
