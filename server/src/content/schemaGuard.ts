import type { ContentMatch, MarkType, NodeType, Schema } from '@tiptap/pm/model';
import { attributeRule, FRAGMENT_NAME, isPlainAttributeValue } from '@polisee/editor-schema';
import * as Y from 'yjs';

/**
 * Checks, before it is applied, that a Yjs update leaves the document readable by the editor
 * schema. Only what the update itself adds is looked at (each new item, where it lands, and
 * what it holds), so the cost follows the update's size, not the document's.
 *
 * Where an item lands is not always written in the update: an item with a left or right
 * neighbour ("origin") inherits its parent from that neighbour, which may be in the same
 * update or already in the document. Deletions cannot make a document unreadable, so the
 * update's delete set is not checked.
 */

/** What an update would break, in words fit for the log. */
export type SchemaViolation = string;

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
type ItemContent = Y.Item['content'];

type Parent =
  | { kind: 'fragment' }
  | { kind: 'element'; nodeName: string }
  | { kind: 'text' }
  /** Yjs drops an item whose parent or neighbour was garbage-collected: nothing lands. */
  | { kind: 'discarded' }
  /**
   * Its parent or neighbour is not here yet: Yjs keeps it pending until they arrive. That is
   * legitimate (after a crash, a client may build on an update the server broadcast but had not
   * stored), so the item is held to what is valid somewhere in a document, and the room checks
   * the whole document once pending items land (see Room).
   */
  | { kind: 'pending' }
  | { kind: 'invalid'; violation: SchemaViolation };

interface Placement {
  parent: Parent;
  parentSub: string | null;
}

class Violation extends Error {}

const invalid = (violation: SchemaViolation): Parent => ({ kind: 'invalid', violation });

/** Node types that are never an element of their own in the Y.Doc. */
const NOT_ELEMENTS = new Set(['doc', 'text']);

/** y-prosemirror stores overlapping marks of one type under `<mark>--<hash>` keys. */
export function markNameOf(formatKey: string): string {
  return formatKey.split('--')[0]!;
}

/** The attributes a node or mark type declares, defaults included. */
function declaredAttributes(type: NodeType | MarkType): Record<string, unknown> {
  return (type as unknown as { attrs: Record<string, unknown> }).attrs;
}

/** Structs of one update, by client, in clock order, for lookup by id. */
function indexStructs(structs: DecodedUpdate['structs']) {
  const byClient = new Map<number, DecodedUpdate['structs']>();
  for (const struct of structs) {
    let list = byClient.get(struct.id.client);
    if (!list) byClient.set(struct.id.client, (list = []));
    list.push(struct);
  }
  return (id: Y.ID) => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
}

/**
 * The node types that may appear anywhere in `type`'s content expression. Order and counts are
 * not checked (an item is judged alone, before its siblings land), but a child in a parent that
 * never holds it is: a matrix row at the document root, an indicator inside a matrix. The
 * editor binding would drop such a node on every client, as a deletion of its own.
 */
function possibleChildren(type: NodeType): Set<string> {
  const names = new Set<string>();
  const seen = new Set<ContentMatch>();
  const stack = [type.contentMatch];
  while (stack.length > 0) {
    const match = stack.pop()!;
    if (seen.has(match)) continue;
    seen.add(match);
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i);
      names.add(edge.type.name);
      stack.push(edge.next);
    }
  }
  return names;
}

export class SchemaGuard {
  private readonly childrenOf = new Map<string, Set<string>>();

  constructor(private readonly schema: Schema) {}

  /** The first reason `update` may not be applied to `doc`, or null when it fits the schema. */
  check(doc: Y.Doc, update: DecodedUpdate): SchemaViolation | null {
    const find = indexStructs(update.structs);
    const placements = new Map<Y.Item, Placement>();
    const fragment = doc.share.get(FRAGMENT_NAME);

    const describeLiveType = (type: Y.AbstractType<unknown>): Parent => {
      if (type._item === null)
        return type === fragment ? { kind: 'fragment' } : invalid('a foreign root type');
      if (type instanceof Y.XmlElement) return { kind: 'element', nodeName: type.nodeName };
      if (type instanceof Y.XmlText) return { kind: 'text' };
      return invalid('a foreign shared type');
    };

    const describeNewType = (content: ItemContent): Parent => {
      if (content instanceof Y.ContentDeleted) return { kind: 'discarded' };
      if (!(content instanceof Y.ContentType)) return invalid('a child of a non-type');
      if (content.type instanceof Y.XmlElement)
        return { kind: 'element', nodeName: content.type.nodeName };
      if (content.type instanceof Y.XmlText) return { kind: 'text' };
      return invalid('a child of a foreign shared type');
    };

    /** The struct with this id, in the update or already in the document. */
    const lookup = (id: Y.ID): Y.Item | Y.GC | 'missing' => {
      const inUpdate = find(id);
      if (inUpdate instanceof Y.Item || inUpdate instanceof Y.GC) return inUpdate;
      if (Y.getState(doc.store, id.client) > id.clock) return Y.getItem(doc.store, id);
      return 'missing';
    };

    const typeOfParentItem = (id: Y.ID): Parent => {
      const item = lookup(id);
      if (item === 'missing') return { kind: 'pending' };
      if (item instanceof Y.GC) return { kind: 'discarded' };
      if (find(id) === item) return describeNewType(item.content);
      if (item.content instanceof Y.ContentType) return describeLiveType(item.content.type);
      return describeNewType(item.content);
    };

    const placementOf = (item: Y.Item, depth = 0): Placement => {
      const known = placements.get(item);
      if (known) return known;
      if (depth > 10_000) throw new Violation('a reference chain that does not end');
      let placement: Placement;
      if (typeof item.parent === 'string') {
        placement = {
          parent:
            item.parent === FRAGMENT_NAME ? { kind: 'fragment' } : invalid('a foreign root type'),
          parentSub: item.parentSub,
        };
      } else if (item.parent instanceof Y.ID) {
        placement = { parent: typeOfParentItem(item.parent), parentSub: item.parentSub };
      } else if (item.parent) {
        // An item of the live document: its parent type is known.
        placement = {
          parent: describeLiveType(item.parent as Y.AbstractType<unknown>),
          parentSub: item.parentSub,
        };
      } else {
        const neighbour = item.origin ?? item.rightOrigin;
        const found = neighbour ? lookup(neighbour) : 'missing';
        if (found === 'missing') placement = { parent: { kind: 'pending' }, parentSub: null };
        else if (found instanceof Y.GC)
          placement = { parent: { kind: 'discarded' }, parentSub: null };
        else if (find(found.id) === found) placement = placementOf(found, depth + 1);
        else if (found.parent === null)
          placement = { parent: { kind: 'discarded' }, parentSub: null };
        else
          placement = {
            parent: describeLiveType(found.parent as Y.AbstractType<unknown>),
            parentSub: found.parentSub,
          };
      }
      placements.set(item, placement);
      return placement;
    };

    try {
      for (const struct of update.structs) {
        if (!(struct instanceof Y.Item)) continue; // GC and Skip carry no content
        const violation = this.checkItem(struct, placementOf(struct));
        if (violation) return violation;
      }
    } catch (err) {
      if (err instanceof Violation) return err.message;
      throw err;
    }
    return null;
  }

  private checkItem(item: Y.Item, { parent, parentSub }: Placement): SchemaViolation | null {
    if (parent.kind === 'invalid') return parent.violation;
    if (parent.kind === 'discarded' || item.content instanceof Y.ContentDeleted) return null;
    const content = item.content;
    switch (parent.kind) {
      case 'pending':
        return this.checkAnywhere(content);
      case 'fragment':
        if (parentSub !== null) return 'an attribute on the document root';
        return this.checkElement(content, null);
      case 'element':
        if (parentSub !== null) return this.checkNodeAttribute(parent.nodeName, parentSub, content);
        return this.checkElement(content, parent.nodeName);
      case 'text':
        if (parentSub !== null) return 'an attribute on text';
        if (content instanceof Y.ContentString) return null;
        if (content instanceof Y.ContentFormat) return this.checkMark(content.key, content.value);
        return 'content in text that is neither characters nor formatting';
    }
  }

  /** Content that is valid in at least one place of a document: text, a mark, a node, a value. */
  private checkAnywhere(content: ItemContent): SchemaViolation | null {
    if (content instanceof Y.ContentString) return null;
    if (content instanceof Y.ContentFormat) return this.checkMark(content.key, content.value);
    if (content instanceof Y.ContentAny)
      return content.arr.every(isPlainAttributeValue) ? null : 'a value that is not plain';
    return this.checkKnownElement(content, true);
  }

  private checkKnownElement(content: ItemContent, textAllowed: boolean): SchemaViolation | null {
    if (!(content instanceof Y.ContentType)) return 'a value where an element belongs';
    const type = content.type;
    if (type instanceof Y.XmlElement) {
      if (NOT_ELEMENTS.has(type.nodeName) || !this.schema.nodes[type.nodeName])
        return `an unknown element "${type.nodeName.slice(0, 40)}"`;
      return null;
    }
    if (type instanceof Y.XmlText) return textAllowed ? null : 'text outside a block';
    return 'a foreign shared type';
  }

  /**
   * An element or text as a child of the element named `parentName` (null: the document root):
   * a node the schema knows, in a parent whose content expression can hold it.
   */
  checkElement(content: ItemContent, parentName: string | null): SchemaViolation | null {
    const parentType = this.schema.nodes[parentName ?? 'doc'];
    // An unknown parent is refused where it is created; nothing to add about its children.
    if (!parentType) return `an unknown element "${(parentName ?? '').slice(0, 40)}"`;
    const violation = this.checkKnownElement(content, parentName !== null);
    if (violation) return violation;
    const type = (content as Y.ContentType).type;
    if (type instanceof Y.XmlText)
      return parentType.inlineContent ? null : `text inside ${parentType.name}`;
    const name = (type as Y.XmlElement).nodeName;
    if (!this.possibleChildrenOf(parentType).has(name))
      return `${name} inside ${parentType.name}, which cannot hold it`;
    return null;
  }

  private possibleChildrenOf(type: NodeType): Set<string> {
    let names = this.childrenOf.get(type.name);
    if (!names) this.childrenOf.set(type.name, (names = possibleChildren(type)));
    return names;
  }

  checkNodeAttribute(
    nodeName: string,
    attribute: string,
    content: ItemContent,
  ): SchemaViolation | null {
    const nodeType = this.schema.nodes[nodeName];
    // The element itself was refused or will be: its attributes add nothing to report.
    if (!nodeType) return `an unknown element "${nodeName.slice(0, 40)}"`;
    if (!(attribute in declaredAttributes(nodeType)))
      return `an unknown attribute "${attribute.slice(0, 40)}" on ${nodeName}`;
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1)
      return `an attribute of ${nodeName} that is not a plain value`;
    if (!attributeRule('node', nodeName, attribute)(content.arr[0]))
      return `a value of ${nodeName}.${attribute} outside its allowed values`;
    return null;
  }

  checkMark(key: string, value: unknown): SchemaViolation | null {
    const name = markNameOf(key);
    const markType = this.schema.marks[name];
    if (!markType) return `an unknown mark "${name.slice(0, 40)}"`;
    // null ends the formatting run.
    if (value === null) return null;
    if (typeof value !== 'object' || Array.isArray(value))
      return `attributes of ${name} that are not an object`;
    const declared = declaredAttributes(markType);
    for (const [attribute, attributeValue] of Object.entries(value)) {
      if (!(attribute in declared))
        return `an unknown attribute "${attribute.slice(0, 40)}" on ${name}`;
      if (!attributeRule('mark', name, attribute)(attributeValue))
        return `a value of ${name}.${attribute} outside its allowed values`;
    }
    return null;
  }
}
