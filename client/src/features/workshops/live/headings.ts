import type { Node as PmNode } from '@tiptap/pm/model';

export interface HeadingAt {
  pos: number;
  level: number;
  text: string;
}

/** Every heading of the document, in order, with its position and level. */
export function headingsOf(doc: PmNode): HeadingAt[] {
  const headings: HeadingAt[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      headings.push({ pos, level: Number(node.attrs.level) || 1, text: node.textContent });
      return false;
    }
    return true;
  });
  return headings;
}

/**
 * The heading nearest the top of the viewport: the last one whose top is above `topPx`, else the
 * first below it. `topOf` measures a heading (by its position) on screen.
 */
export function headingNearestTop(
  headings: readonly HeadingAt[],
  topOf: (pos: number) => number | null,
  topPx: number,
): HeadingAt | null {
  let above: HeadingAt | null = null;
  for (const heading of headings) {
    const top = topOf(heading.pos);
    if (top === null) continue;
    if (top <= topPx) above = heading;
    else return above ?? heading;
  }
  return above;
}
