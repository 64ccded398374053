import { ChangeSet, simplifyChanges } from '@tiptap/pm/changeset';
import { Mark, type Node as PMNode } from '@tiptap/pm/model';
import { StepMap } from '@tiptap/pm/transform';
import type { Alignment, Region } from './align.js';

/** `a[fromA, toA)` became `b[fromB, toB)`; between two changes both documents read the same. */
export interface Change {
  fromA: number;
  toA: number;
  fromB: number;
  toB: number;
}

/**
 * The changes between two documents: the aligned regions are handed to prosemirror-changeset
 * as one step each (the step maps are all it needs), which narrows every region to the
 * characters that differ (Myers over tokens, ignoring marks) and `simplifyChanges` widens
 * replacements inside a word to the whole word, as a reader expects.
 *
 * With `keepWhole`, regions marked `whole` are kept as they are (blocks added or removed show as
 * blocks, not as a stream of characters from several blocks); without it everything is narrowed
 * (restore uses that to find every piece of text that survives).
 */
export function computeChanges(
  a: PMNode,
  b: PMNode,
  alignment: Alignment,
  options: { keepWhole: boolean },
): Change[] {
  const { regions } = alignment;
  if (regions.length === 0) return [];
  // A region's start in the document after the earlier regions were applied is its start in b.
  const maps = regions.map((r) => new StepMap([r.fromB, r.toA - r.fromA, r.toB - r.fromB]));
  const narrowed = ChangeSet.create(a).addSteps(b, maps, null).changes;
  if (!options.keepWhole) return plain(simplifyChanges(narrowed, b));

  const whole = regions.filter((r) => r.whole);
  const inside = (c: Change, r: Region) =>
    r.fromA <= c.fromA && c.toA <= r.toA && r.fromB <= c.fromB && c.toB <= r.toB;
  const narrowable = narrowed.filter((c) => !whole.some((r) => inside(c, r)));
  return [...plain(simplifyChanges(narrowable, b)), ...whole.map(plainChange)].sort(
    (x, y) => x.fromB - y.fromB || x.fromA - y.fromA,
  );
}

const plainChange = (c: Change): Change => ({
  fromA: c.fromA,
  toA: c.toA,
  fromB: c.fromB,
  toB: c.toB,
});
const plain = (changes: readonly Change[]) => changes.map(plainChange);

/**
 * Calls `visit` for every stretch that is unchanged between two changes and lies inside one
 * of `regions` (outside the regions the documents are identical, marks included): `a[aFrom,
 * aTo)` reads the same as `b` from `bFrom`, up to marks.
 */
export function forEachUnchanged(
  a: PMNode,
  changes: readonly Change[],
  regions: readonly Region[],
  visit: (aFrom: number, aTo: number, bFrom: number) => void,
) {
  let r = 0;
  let gapA = 0;
  let gapB = 0;
  const gap = (toA: number) => {
    while (r < regions.length && regions[r]!.toA <= gapA) r++;
    for (let i = r; i < regions.length && regions[i]!.fromA < toA; i++) {
      const from = Math.max(gapA, regions[i]!.fromA);
      const to = Math.min(toA, regions[i]!.toA);
      if (to > from) visit(from, to, gapB + (from - gapA));
    }
  };
  for (const c of changes) {
    gap(c.fromA);
    gapA = c.toA;
    gapB = c.toB;
  }
  gap(a.content.size);
}

interface TextPiece {
  from: number;
  to: number;
  marks: readonly Mark[];
}

function textPieces(doc: PMNode, from: number, to: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    pieces.push({
      from: Math.max(pos, from),
      to: Math.min(pos + node.nodeSize, to),
      marks: node.marks,
    });
    return false;
  });
  return pieces;
}

/**
 * Walks the text of an unchanged stretch in both documents side by side and reports each
 * piece whose marks differ, with `b`'s position and marks and `a`'s marks.
 */
export function forEachMarkDifference(
  a: PMNode,
  b: PMNode,
  stretch: { aFrom: number; aTo: number; bFrom: number },
  visit: (from: number, to: number, marksA: readonly Mark[], marksB: readonly Mark[]) => void,
) {
  const delta = stretch.bFrom - stretch.aFrom;
  const inA = textPieces(a, stretch.aFrom, stretch.aTo);
  const inB = textPieces(b, stretch.bFrom, stretch.bFrom + (stretch.aTo - stretch.aFrom));
  let i = 0;
  for (const pb of inB) {
    while (i < inA.length && inA[i]!.to + delta <= pb.from) i++;
    for (let j = i; j < inA.length && inA[j]!.from + delta < pb.to; j++) {
      const pa = inA[j]!;
      const from = Math.max(pb.from, pa.from + delta);
      const to = Math.min(pb.to, pa.to + delta);
      if (to > from && !Mark.sameSet(pa.marks, pb.marks)) visit(from, to, pa.marks, pb.marks);
    }
  }
}
