import {
  Fragment,
  Slice,
  type MarkType,
  type Node as PMNode,
  type NodeType,
} from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { DiffBlockValue } from '@polisee/editor-schema';
import type { Change } from './changes.js';

/** Text present in both versions whose marks differ: the names of the marks added and removed. */
export interface FormatRun {
  from: number;
  to: number;
  added: string[];
  removed: string[];
}

export interface DiffStats {
  inserted: number;
  deleted: number;
  formatChanged: number;
}

const hasDiffAttr = (type: NodeType) => 'diff' in (type.spec.attrs ?? {});

/** Marks every character of a fragment, and flags every whole node (the open edges are not). */
function markFragment(
  fragment: Fragment,
  parent: NodeType,
  mark: MarkType,
  flag: DiffBlockValue,
  openLeft: number,
  openRight: number,
): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((child, _offset, index) => {
    const left = index === 0 ? openLeft : 0;
    const right = index === fragment.childCount - 1 ? openRight : 0;
    const marks =
      child.isInline && parent.allowsMarkType(mark)
        ? mark.create().addToSet(child.marks)
        : child.marks;
    if (child.isText) {
      nodes.push(child.mark(marks));
      return;
    }
    const whole = left === 0 && right === 0;
    const attrs = whole && hasDiffAttr(child.type) ? { ...child.attrs, diff: flag } : child.attrs;
    const content = markFragment(
      child.content,
      child.type,
      mark,
      flag,
      Math.max(left - 1, 0),
      Math.max(right - 1, 0),
    );
    nodes.push(child.type.create(attrs, content, marks));
  });
  return Fragment.from(nodes);
}

/**
 * Builds the comparison document: `b` in its own structure, inserted text marked `diffInsert`,
 * the text `a` had and `b` lost put back where it stood, marked `diffDelete`, formatting
 * changes marked `diffFormat`, and whole blocks flagged with their `diff` attribute. Marks and
 * attributes do not move positions, so they go first; the deleted content is then put back
 * from the last change to the first, so every earlier position still holds.
 */
export function renderDiff(
  a: PMNode,
  b: PMNode,
  changes: readonly Change[],
  formats: readonly FormatRun[],
  reformatted: readonly number[],
): { doc: PMNode; stats: DiffStats } {
  const schema = b.type.schema;
  const insert = schema.marks.diffInsert!;
  const remove = schema.marks.diffDelete!;
  const format = schema.marks.diffFormat!;
  const tr = new Transform(b);

  for (const run of formats) {
    tr.addMark(run.from, run.to, format.create({ added: run.added, removed: run.removed }));
  }
  for (const pos of reformatted) {
    const node = b.nodeAt(pos);
    if (node && hasDiffAttr(node.type)) tr.setNodeAttribute(pos, 'diff', 'format');
  }
  for (const c of changes) {
    if (c.toB <= c.fromB) continue;
    tr.addMark(c.fromB, c.toB, insert.create());
    b.nodesBetween(c.fromB, c.toB, (node, pos) => {
      if (node.isText) return false;
      if (pos < c.fromB || pos + node.nodeSize > c.toB) return true;
      if (hasDiffAttr(node.type)) tr.setNodeAttribute(pos, 'diff', 'insert');
      return false;
    });
  }
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i]!;
    if (c.toA <= c.fromA) continue;
    const slice = a.slice(c.fromA, c.toA);
    const $from = a.resolve(c.fromA);
    const marked = new Slice(
      markFragment(
        slice.content,
        $from.node(Math.max($from.depth - slice.openStart, 0)).type,
        remove,
        'delete',
        slice.openStart,
        slice.openEnd,
      ),
      slice.openStart,
      slice.openEnd,
    );
    const before = tr.steps.length;
    tr.replace(c.fromB, c.fromB, marked);
    if (tr.steps.length === before) putBackAsParagraph(tr, a, c, remove);
  }

  return {
    doc: tr.doc,
    stats: {
      inserted: changes.filter((c) => c.toB > c.fromB).length,
      deleted: changes.filter((c) => c.toA > c.fromA).length,
      formatChanged: formats.length + reformatted.length,
    },
  };
}

/**
 * Deleted content the document's structure cannot take at that point (rare: a fragment of a
 * table where a paragraph now stands) is shown as its text, in a paragraph of its own right
 * after the block it belonged to.
 */
function putBackAsParagraph(tr: Transform, a: PMNode, c: Change, remove: MarkType) {
  const text = a.textBetween(c.fromA, c.toA, ' ', ' ').trim();
  const paragraph = tr.doc.type.schema.nodes.paragraph;
  if (!text || !paragraph) return;
  const $pos = tr.doc.resolve(c.fromB);
  const at = $pos.depth > 0 ? $pos.after(1) : c.fromB;
  const node = paragraph.create(
    { diff: 'delete' },
    tr.doc.type.schema.text(text, [remove.create()]),
  );
  try {
    tr.insert(at, node);
  } catch {
    // Nowhere to put it: the comparison still shows everything else.
  }
}
