import type { Mark } from '@tiptap/pm/model';
import { AddMarkStep, RemoveMarkStep, type Step } from '@tiptap/pm/transform';
import type { Transaction } from '@tiptap/pm/state';

/**
 * Writes `authorId` and `createdAt` into the inline suggestion marks a suggest-changes
 * transaction left without an author. The library creates marks as `{ id }` only, and the wire
 * refuses a suggestion without its author (decision 0056), so the editor runs this on the
 * library's transaction before it is dispatched. Text that was already a suggestion before the
 * transaction keeps its author and time: the library re-creates the marks of a neighbouring
 * suggestion when it joins two of them. Node marks are not stamped: the Yjs bindings do not
 * store them.
 */
export function stampSuggestionAuthor(
  tr: Transaction,
  authorId: string,
  createdAt: string = new Date().toISOString(),
): Transaction {
  const { insertion, deletion } = tr.doc.type.schema.marks;
  if (!insertion || !deletion || tr.steps.length === 0) return tr;
  const types = [insertion, deletion];
  const before = tr.docs[0]!;
  const touched = tr.steps.flatMap((step, i) => rangesOf(step, tr.mapping.slice(i + 1)));
  const unstamped: { from: number; to: number; mark: Mark }[] = [];
  for (const { from, to } of touched) {
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isInline) return true;
      const mark = node.marks.find((m) => types.includes(m.type) && m.attrs.authorId == null);
      if (mark)
        unstamped.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), mark });
      return false;
    });
  }
  const back = tr.mapping.invert();
  for (const { from, to, mark } of unstamped) {
    // The run's first character, if it was in the document before: its suggestion's author.
    const start = back.mapResult(from, 1);
    const previous = start.deletedAfter ? null : before.nodeAt(start.pos);
    const earlier = previous?.marks.find((m) => m.type === mark.type && m.attrs.authorId != null);
    // New text typed onto the author's own suggestion continues it, time included: equal marks
    // keep it one run (one element, one card) rather than a run per keystroke.
    const continued = [tr.doc.resolve(from).nodeBefore, tr.doc.resolve(to).nodeAfter]
      .flatMap((node) => node?.marks ?? [])
      .find(
        (m) =>
          m.type === mark.type && m.attrs.id === mark.attrs.id && m.attrs.authorId === authorId,
      );
    const stamp = earlier
      ? {
          authorId: earlier.attrs.authorId as string,
          createdAt: earlier.attrs.createdAt as unknown,
        }
      : { authorId, createdAt: (continued?.attrs.createdAt as string | undefined) ?? createdAt };
    tr.addMark(from, to, mark.type.create({ ...mark.attrs, ...stamp }));
  }
  return tr;
}

/** Where a step changed the document, in the coordinates of the transaction's last document. */
function rangesOf(step: Step, after: { map: (pos: number, assoc?: number) => number }) {
  const ranges: { from: number; to: number }[] = [];
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) {
    ranges.push({ from: after.map(step.from, 1), to: after.map(step.to, -1) });
  }
  step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => {
    ranges.push({ from: after.map(newStart, 1), to: after.map(newEnd, -1) });
  });
  return ranges.filter(({ from, to }) => from < to);
}
