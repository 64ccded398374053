import type { Mark, MarkType, Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { alignDocuments, type Region } from './align.js';
import { computeChanges, forEachMarkDifference, forEachUnchanged } from './changes.js';
import { renderDiff, type DiffStats, type FormatRun } from './render.js';

export type { DiffStats } from './render.js';

const DIFF_MARKS = new Set(['diffInsert', 'diffDelete', 'diffFormat']);
const names = (marks: readonly Mark[]) => marks.filter((m) => !DIFF_MARKS.has(m.type.name));

/**
 * Compares two documents of the diff schema (`buildDiffSchema()`): the newer one, `b`, comes
 * back with insertions, deletions and formatting changes marked (see `renderDiff`).
 */
export function diffDocuments(a: PMNode, b: PMNode): { doc: PMNode; stats: DiffStats } {
  const alignment = alignDocuments(a, b);
  const changes = computeChanges(a, b, alignment, { keepWhole: true });
  const formats: FormatRun[] = [];
  const inline = alignment.regions.filter((r) => !r.whole);
  forEachUnchanged(a, changes, inline, (aFrom, aTo, bFrom) =>
    forEachMarkDifference(a, b, { aFrom, aTo, bFrom }, (from, to, marksA, marksB) => {
      const added = names(marksB)
        .filter((m) => !m.isInSet(marksA))
        .map((m) => m.type.name);
      const removed = names(marksA)
        .filter((m) => !m.isInSet(marksB))
        .map((m) => m.type.name);
      if (added.length === 0 && removed.length === 0) return;
      const last = formats.at(-1);
      if (last && last.to === from && same(last.added, added) && same(last.removed, removed)) {
        last.to = to;
      } else {
        formats.push({ from, to, added, removed });
      }
    }),
  );
  return renderDiff(a, b, changes, formats, alignment.reformatted);
}

const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);

/**
 * `to` with the marks of type `markType` that `from` has on text both share: wherever a piece
 * of text of `from` survives unchanged in `to`, it gets those marks there too. Text that does
 * not survive loses them. (Restore: comment anchors of the live document stay on their text.)
 */
export function carryMarks(from: PMNode, to: PMNode, markType: MarkType): PMNode {
  const alignment = alignDocuments(from, to);
  const changes = computeChanges(from, to, alignment, { keepWhole: false });
  const tr = new Transform(to);
  const everywhere: Region[] = alignment.regions;
  forEachUnchanged(from, changes, everywhere, (aFrom, aTo, bFrom) => {
    const delta = bFrom - aFrom;
    from.nodesBetween(aFrom, aTo, (node, pos) => {
      if (!node.isText) return true;
      const start = Math.max(pos, aFrom);
      const end = Math.min(pos + node.nodeSize, aTo);
      for (const mark of node.marks) {
        if (mark.type === markType) tr.addMark(start + delta, end + delta, mark);
      }
      return false;
    });
  });
  return tr.doc;
}

/**
 * ProseMirror JSON of a comparison (as `Node.toJSON` writes it), without the `diff: null` every
 * unflagged node would carry: one pass, no intermediate copy.
 */
export function diffToJSON(doc: PMNode): Record<string, unknown> {
  const convert = (node: PMNode): Record<string, unknown> => {
    const out: Record<string, unknown> = { type: node.type.name };
    let attrs: Record<string, unknown> | null = null;
    for (const [name, value] of Object.entries(node.attrs)) {
      if (name === 'diff' && value === null) continue;
      (attrs ??= {})[name] = value;
    }
    if (attrs) out.attrs = attrs;
    if (node.childCount > 0) {
      const content: Record<string, unknown>[] = [];
      node.forEach((child) => content.push(convert(child)));
      out.content = content;
    }
    if (node.marks.length > 0) out.marks = node.marks.map((m) => m.toJSON() as unknown);
    if (node.isText) out.text = node.text;
    return out;
  };
  return convert(doc);
}
