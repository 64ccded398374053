import { FRAGMENT_NAME, SUGGESTION_MARK_NAMES } from '@polisee/editor-schema';
import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';
import { markNameOf } from '../content/schemaGuard.js';

/**
 * Whether an update from a suggest-only member makes suggestions of their own and nothing else
 * (decision 0063). Yjs tells what an update does only by applying it, and a Yjs document cannot
 * be rolled back, so the update is applied to a copy of the room's document (the "shadow") and
 * the transaction it makes there is judged: its events' deltas say what text was inserted with
 * which marks, what formatting changed, what was deleted, and which node attributes changed.
 * What the text was before is read from the live document, which the update has not touched.
 *
 * The copy exists only while suggest-only members send updates; it follows every change the
 * live document takes, and is dropped after a refusal (it then holds what the live document
 * never will) and rebuilt from the live document on the next check.
 */

/** Why an update is not (only) a suggestion of its sender's, in words fit for the log. */
export type SuggestionViolation = string;

type Attributes = Record<string, unknown>;
/** Any shared type, whatever its events: Yjs' own signatures differ in their event type. */
type SharedType = Parameters<Y.Transaction['changed']['get']>[0];
type DeltaOp = { insert?: unknown; retain?: number; delete?: number; attributes?: Attributes };

const SUGGESTION_MARKS: ReadonlySet<string> = new Set(SUGGESTION_MARK_NAMES);
/** The marks a suggester may add to existing text (and take back, when they are their own). */
const MARKING_EXISTING: ReadonlySet<string> = new Set(['deletion', 'modification']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const authoredBy = (value: unknown, userId: string) => isRecord(value) && value.authorId === userId;

/** Attributes of inserted text: marked as an insertion of `userId`'s, and no other suggestion. */
function isOwnInsertion(attributes: Attributes, userId: string): boolean {
  let inserted = false;
  for (const [key, value] of Object.entries(attributes)) {
    const name = markNameOf(key);
    if (!SUGGESTION_MARKS.has(name)) continue;
    if (name !== 'insertion' || !authoredBy(value, userId)) return false;
    inserted = true;
  }
  return inserted;
}

/**
 * The library marks a deletion that starts at the end of a block, or ends at its start, with
 * a zero-width space it inserts with a deletion mark (a marker for the deleted boundary).
 */
const BOUNDARY_MARKER = /^\u200B+$/;

function isOwnBoundaryMarker(text: string, attributes: Attributes, userId: string): boolean {
  if (!BOUNDARY_MARKER.test(text)) return false;
  const suggestions = Object.entries(attributes).filter(([key]) =>
    SUGGESTION_MARKS.has(markNameOf(key)),
  );
  return (
    suggestions.length > 0 &&
    suggestions.every(([key, value]) => markNameOf(key) === 'deletion' && authoredBy(value, userId))
  );
}

/**
 * A whole type (a new block, or one a delete removes) holds only text its sender inserted as
 * a suggestion, and some of it. A block without text (a rule, an empty paragraph, an image)
 * cannot be a suggestion until the bindings store node marks (decision 0056).
 */
function ownInsertionThroughout(type: unknown, userId: string): SuggestionViolation | null {
  let characters = 0;
  const visit = (node: unknown): SuggestionViolation | null => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as DeltaOp[]) {
        if (typeof op.insert !== 'string') return 'an object embedded in text';
        if (!isOwnInsertion(op.attributes ?? {}, userId))
          return 'a block holding text that is not an insertion of its sender';
        characters += op.insert.length;
      }
      return null;
    }
    if (node instanceof Y.XmlElement) {
      for (const child of node.toArray()) {
        const violation = visit(child);
        if (violation) return violation;
      }
      return null;
    }
    return 'content that is neither an element nor text';
  };
  const violation = visit(type);
  if (violation) return violation;
  return characters > 0 ? null : 'a block without text, which cannot carry a suggestion';
}

interface Character {
  char: string;
  attributes: Attributes;
}

/**
 * A text's characters with their marks, less those its sender may add and remove at will: their
 * own insertions, and the library's zero-width markers of their own deletions.
 */
function keptCharacters(text: Y.XmlText, userId: string): Character[] | SuggestionViolation {
  const kept: Character[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string') return 'an object embedded in text';
    const attributes = op.attributes ?? {};
    if (isOwnInsertion(attributes, userId) || isOwnBoundaryMarker(op.insert, attributes, userId))
      continue;
    for (const char of op.insert) kept.push({ char, attributes });
  }
  return kept;
}

/**
 * Judged by content, not by Yjs items: y-prosemirror writes a change as a text diff (common
 * prefix and suffix) followed by a reformatting of the whole text, so typing "a" before an "a"
 * arrives as a plain "a" inserted after it and the old one marked as the insertion. What
 * counts is the result: the text less its sender's insertions is the text it was, and each
 * character's marks changed only by its sender's own deletion (or modification) marks, added
 * to text that is no one else's suggestion, or taken back.
 */
function judgeText(after: Y.XmlText, before: Y.XmlText, userId: string) {
  const was = keptCharacters(before, userId);
  const is = keptCharacters(after, userId);
  if (typeof was === 'string') return was;
  if (typeof is === 'string') return is;
  if (was.length !== is.length || was.some((c, i) => c.char !== is[i]!.char))
    return 'a change of text that is not an insertion or deletion of its sender';
  for (let i = 0; i < was.length; i++) {
    const violation = marksViolation(was[i]!.attributes, is[i]!.attributes, userId);
    if (violation) return violation;
  }
  return null;
}

/**
 * The same suggestion under another id: the library gives suggestions that come to abut one id
 * (also another author's, whose author and time it keeps), so that they are accepted together.
 */
function isRelabelled(before: unknown, after: unknown): boolean {
  if (!isRecord(before) || !isRecord(after)) return false;
  return equalityDeep({ ...before, id: null }, { ...after, id: null });
}

function marksViolation(was: Attributes, is: Attributes, userId: string) {
  let changed = false;
  for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
    const before = was[key] ?? null;
    const after = is[key] ?? null;
    if (equalityDeep(before, after) || isRelabelled(before, after)) continue;
    changed = true;
    const name = markNameOf(key);
    if (!MARKING_EXISTING.has(name)) return `a change of ${name.slice(0, 40)} on existing text`;
    // Adding one's own mark, or taking one's own back (undo); never someone else's: taking
    // it away is a reviewer's reject, rewriting it is speaking for them.
    if (after !== null && !authoredBy(after, userId)) return `a ${name} mark of another author`;
    if (before !== null && !authoredBy(before, userId)) return `a change to another's ${name} mark`;
  }
  if (!changed) return null;
  // Another's suggestion stays as it is: no deletion mark of one's own over it.
  for (const [key, value] of Object.entries(was)) {
    if (SUGGESTION_MARKS.has(markNameOf(key)) && !authoredBy(value, userId))
      return `a mark over another's ${markNameOf(key)}`;
  }
  return null;
}

function judgeChildren(
  event: Y.YEvent<Y.XmlElement>,
  before: Y.XmlElement | Y.XmlFragment,
  userId: string,
) {
  const children = before.toArray();
  let index = 0;
  for (const op of event.changes.delta as DeltaOp[]) {
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.delete !== undefined) {
      for (const child of children.slice(index, index + op.delete)) {
        const violation = ownInsertionThroughout(child, userId);
        if (violation) return `a deletion: ${violation}`;
      }
      index += op.delete;
    } else {
      for (const child of op.insert as unknown[]) {
        const violation = ownInsertionThroughout(child, userId);
        if (violation) return violation;
      }
    }
  }
  return null;
}

export class SuggestionGuard {
  private shadow: Y.Doc | null = null;

  constructor(private readonly live: Y.Doc) {}

  /** Keeps the copy in step with a change the live document took (cheap when it has it). */
  follow(update: Uint8Array) {
    if (this.shadow) Y.applyUpdate(this.shadow, update);
  }

  /** Drops the copy: no one needs it now, or it holds what the live document does not. */
  release() {
    this.shadow?.destroy();
    this.shadow = null;
  }

  /** The first reason `update` is not only suggestions of `userId`'s, or null. */
  check(update: Uint8Array, userId: string): SuggestionViolation | null {
    const shadow = (this.shadow ??= copyOf(this.live));
    const store = shadow.store;
    const pendingBefore = [store.pendingStructs?.update, store.pendingDs];
    let violation: SuggestionViolation | null = null;
    const judge = (tr: Y.Transaction) => {
      try {
        violation ??= this.judge(tr, userId);
      } catch {
        violation ??= 'an update that cannot be judged';
      }
    };
    shadow.on('afterTransaction', judge);
    try {
      Y.applyUpdate(shadow, update);
    } catch {
      violation ??= 'an update that does not apply';
    } finally {
      shadow.off('afterTransaction', judge);
    }
    // Content parked until something it builds on arrives would land later, unjudged, inside
    // someone else's transaction: a suggester's update must integrate whole.
    const pendingAfter = [store.pendingStructs?.update, store.pendingDs];
    if (pendingAfter.some((p, i) => p && p !== pendingBefore[i]))
      violation ??= 'an update that builds on content the server lacks';
    if (violation) this.release();
    return violation;
  }

  private judge(tr: Y.Transaction, userId: string): SuggestionViolation | null {
    const fragment = tr.doc.getXmlFragment(FRAGMENT_NAME) as unknown as SharedType;
    for (const type of tr.changed.keys()) {
      if (rootOf(type) !== fragment) return 'a change outside the document';
    }
    for (const event of tr.changedParentTypes.get(fragment) ?? []) {
      const target = event.target;
      // Inside a type this transaction deleted: the deletion is judged where it happens.
      if (target._item?.deleted) continue;
      if (event.keys.size > 0) return 'a change of a node attribute';
      const before = this.liveCounterpart(target);
      if (!before) return 'a change to content the server does not hold';
      const violation =
        target instanceof Y.XmlText && before instanceof Y.XmlText
          ? judgeText(target, before, userId)
          : before instanceof Y.XmlElement || before instanceof Y.XmlFragment
            ? judgeChildren(event as Y.YEvent<Y.XmlElement>, before, userId)
            : 'a change to a foreign type';
      if (violation) return violation;
    }
    return null;
  }

  /** The type in the live document that `type` (of the copy) is, as it was before the update. */
  private liveCounterpart(type: SharedType) {
    if (type._item === null) return this.live.getXmlFragment(FRAGMENT_NAME);
    const id = type._item.id;
    if (Y.getState(this.live.store, id.client) <= id.clock) return null;
    const item = Y.getItem(this.live.store, id);
    return item instanceof Y.Item && item.content instanceof Y.ContentType
      ? item.content.type
      : null;
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: true });
  // Defined before the state lands: a root Yjs does not know the type of reports no events.
  copy.getXmlFragment(FRAGMENT_NAME);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function rootOf(type: SharedType): SharedType {
  let current = type;
  while (current._item !== null) current = current._item.parent as SharedType;
  return current;
}
