import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import * as Y from 'yjs';
import { SchemaGuard, type SchemaViolation } from './schemaGuard.js';

/**
 * Finds, and on request removes, whatever in a stored document the editor schema cannot read:
 * content of foreign root types, values or foreign types inside the fragment, unknown elements
 * and marks, attributes outside their allowed values. The collaboration endpoint refuses such
 * updates since the schema guard; documents stored before it may still hold them.
 *
 * Removal is a Yjs deletion, like any edit: history keeps the item, every reader stops seeing
 * it, and an attribute falls back to the schema's default.
 */

const guard = new SchemaGuard(buildSchema());

export interface Damage {
  /** Where, in words: the root type, element path and attribute or mark. */
  where: string;
  violation: SchemaViolation;
}

interface Walk {
  damage: Damage[];
  /** Items to delete when repairing; collected first, deleted in one transaction. */
  remove: Y.Item[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type, its events unused here
type SharedType = Y.AbstractType<any>;

/** Live items of a type's list part, in order (including formatting items of text). */
function* listItems(type: SharedType): Generator<Y.Item> {
  for (let item = type._start; item; item = item.right) if (!item.deleted) yield item;
}

function* mapItems(type: SharedType): Generator<[string, Y.Item]> {
  for (const [key, item] of type._map) if (!item.deleted) yield [key, item];
}

function record(walk: Walk, item: Y.Item, where: string, violation: SchemaViolation) {
  walk.damage.push({ where, violation });
  walk.remove.push(item);
}

function walkText(text: SharedType, where: string, walk: Walk) {
  for (const [key, item] of mapItems(text))
    record(walk, item, `${where} @${key}`, 'an attribute on text');
  for (const item of listItems(text)) {
    const content = item.content;
    if (content instanceof Y.ContentString) continue;
    const violation =
      content instanceof Y.ContentFormat
        ? guard.checkMark(content.key, content.value)
        : 'content in text that is neither characters nor formatting';
    if (violation) record(walk, item, `${where} text`, violation);
  }
}

/** `parentName`: the element `parent` is, or null for the document root. */
function walkChildren(parent: SharedType, parentName: string | null, where: string, walk: Walk) {
  let index = 0;
  for (const item of listItems(parent)) {
    const violation = guard.checkElement(item.content, parentName);
    const type = item.content instanceof Y.ContentType ? item.content.type : null;
    const path = `${where}/${type instanceof Y.XmlElement ? type.nodeName.slice(0, 40) : '#'}[${index++}]`;
    if (violation) record(walk, item, path, violation);
    else if (type instanceof Y.XmlElement) walkElement(type, path, walk);
    else if (type instanceof Y.XmlText) walkText(type, path, walk);
  }
}

function walkElement(element: Y.XmlElement, where: string, walk: Walk) {
  for (const [key, item] of mapItems(element)) {
    const violation = guard.checkNodeAttribute(element.nodeName, key, item.content);
    if (violation) record(walk, item, `${where} @${key.slice(0, 40)}`, violation);
  }
  walkChildren(element, element.nodeName, where, walk);
}

function walkDocument(doc: Y.Doc): Walk {
  const walk: Walk = { damage: [], remove: [] };
  for (const [name, type] of doc.share) {
    if (name === FRAGMENT_NAME) continue;
    for (const item of listItems(type)) record(walk, item, `root "${name}"`, 'a foreign root type');
    for (const [key, item] of mapItems(type))
      record(walk, item, `root "${name}" @${key}`, 'a foreign root type');
  }
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  for (const [key, item] of mapItems(fragment))
    record(walk, item, `@${key}`, 'an attribute on the document root');
  walkChildren(fragment, null, '', walk);
  return walk;
}

/** What in `doc` the schema cannot read. Reads only. */
export function findDamage(doc: Y.Doc): Damage[] {
  return walkDocument(doc).damage;
}

/** Deletes what the schema cannot read, as one transaction with `origin`; returns what it was. */
export function repairDocument(doc: Y.Doc, origin: unknown): Damage[] {
  const { damage, remove } = walkDocument(doc);
  if (remove.length > 0)
    doc.transact((transaction) => remove.forEach((item) => item.delete(transaction)), origin);
  return damage;
}

/**
 * Runs `read` on `doc`, or, when `doc` holds what the schema cannot read, on a repaired copy:
 * readers (content, versions, diffs, hashes) skip what they do not know, never fail on it, and
 * never change the document they read. `onDamage` hears what was skipped.
 */
export function readTolerantly<T>(
  doc: Y.Doc,
  read: (readable: Y.Doc) => T,
  onDamage?: DamageListener,
): T {
  const damage = findDamage(doc);
  if (damage.length === 0) return read(doc);
  onDamage?.(damage);
  const copy = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    repairDocument(copy, null);
    return read(copy);
  } finally {
    copy.destroy();
  }
}

export type DamageListener = (damage: Damage[]) => void;

/** A listener that logs what a reader skipped, at most the first 20 places. */
export function logDamage(
  logger: { warn(obj: object, msg: string): void },
  context: Record<string, unknown>,
): DamageListener {
  return (damage) =>
    logger.warn(
      { ...context, damaged: damage.length, damage: damage.slice(0, 20) },
      'skipped content outside the editor schema (npm run doc:repair removes it)',
    );
}
