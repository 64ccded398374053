import type { Mark, Node as PMNode } from '@tiptap/pm/model';
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
 *
 * The author's new text never shares an id with another author's suggestion: the library gives
 * text typed next to a suggestion that suggestion's id, and accepting or rejecting goes by id,
 * so the author's words would be settled with someone else's. It continues the author's own
 * abutting suggestion instead, or gets `newId()`.
 */
export function stampSuggestionAuthor(
  tr: Transaction,
  authorId: string,
  createdAt: string = new Date().toISOString(),
  newId: () => string = randomId,
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
  const own: { from: number; to: number; mark: Mark; earlier: Mark | undefined }[] = [];
  for (const { from, to, mark } of unstamped) {
    // The run's first character, if it was in the document before: its suggestion's author.
    const start = back.mapResult(from, 1);
    const previous = start.deletedAfter ? null : before.nodeAt(start.pos);
    const earlier = previous?.marks.find((m) => m.type === mark.type && m.attrs.authorId != null);
    // Another author's suggestion the library re-created to join it: it stays as it was, id
    // included (taking its id would settle it with ours; giving it ours, the same).
    if (earlier && earlier.attrs.authorId !== authorId) tr.addMark(from, to, earlier);
    else own.push({ from, to, mark, earlier });
  }
  if (own.length === 0) return tr;
  const othersIds = idsOfOtherAuthors(tr.doc, authorId);
  const renamed = new Map<unknown, unknown>();
  for (const { from, to, mark, earlier } of own) {
    const libraryId = mark.attrs.id as unknown;
    const joined = othersIds.has(libraryId);
    // Text typed onto the author's own suggestion continues it, time included: equal marks keep
    // it one run (one element, one card) rather than a run per keystroke. Next to another's
    // suggestion, whose id the library gave it, it continues the author's own neighbour, if
    // any, or starts a suggestion of its own; every run the library gave that id (a
    // replacement's deletion and insertion) gets the same one.
    const neighbour = joined
      ? ownNeighbour(tr.doc, from, to, mark, authorId, othersIds)
      : [tr.doc.resolve(from).nodeBefore, tr.doc.resolve(to).nodeAfter]
          .flatMap((node) => node?.marks ?? [])
          .find(
            (m) =>
              m.type === mark.type && m.attrs.id === libraryId && m.attrs.authorId === authorId,
          );
    let id = libraryId;
    if (joined) {
      const kept = earlier && !othersIds.has(earlier.attrs.id) ? earlier.attrs.id : undefined;
      id = renamed.get(libraryId) ?? kept ?? neighbour?.attrs.id ?? newId();
      renamed.set(libraryId, id);
    }
    const time = earlier
      ? (earlier.attrs.createdAt as unknown)
      : ((neighbour?.attrs.createdAt as string | null | undefined) ?? createdAt);
    tr.addMark(from, to, mark.type.create({ ...mark.attrs, id, authorId, createdAt: time }));
  }
  return tr;
}

/** The ids that some other author's suggestion marks carry, in `doc`. */
function idsOfOtherAuthors(doc: PMNode, authorId: string): Set<unknown> {
  const ids = new Set<unknown>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      const author = mark.attrs.authorId as unknown;
      if (author != null && author !== authorId && 'id' in mark.attrs) ids.add(mark.attrs.id);
    }
    return true;
  });
  return ids;
}

/** The author's own suggestion of the same kind right before or after [from, to), if any. */
function ownNeighbour(
  doc: PMNode,
  from: number,
  to: number,
  mark: Mark,
  authorId: string,
  othersIds: Set<unknown>,
): Mark | undefined {
  return [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]
    .flatMap((node) => node?.marks ?? [])
    .find(
      (m) => m.type === mark.type && m.attrs.authorId === authorId && !othersIds.has(m.attrs.id),
    );
}

/** A random id, as the editor's own generator gives (the id rule allows a UUID's characters). */
function randomId(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
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
