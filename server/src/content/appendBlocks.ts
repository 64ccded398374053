import { Fragment } from '@tiptap/pm/model';
import { buildSchema, FRAGMENT_NAME, type JSONContent } from '@polisee/editor-schema';
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror';
import type * as Y from 'yjs';
import { repairDocument, type DamageListener } from './documentRepair.js';

/** Built once: the schema is pure data derived from the shared extensions. */
const schema = buildSchema();

/**
 * Appends blocks (ProseMirror JSON in the shared schema) at the end of a live document, as one
 * transaction with `origin`: every connected editor receives them as one change.
 *
 * The blocks are checked against the schema before anything is touched, so content the editor
 * could not hold fails here, loudly, rather than reaching the document. They are written by
 * y-prosemirror's own `updateYFragment` (the editor binding's writer) against the document as
 * the binding reads it: every existing block maps to itself, so only the new ones are inserted
 * and concurrent edits elsewhere merge as usual.
 */
export function appendBlocks(
  ydoc: Y.Doc,
  blocks: readonly JSONContent[],
  origin: unknown,
  onDamage?: DamageListener,
): void {
  const nodes = blocks.map((block) => {
    const node = schema.nodeFromJSON(block);
    node.check();
    return node;
  });
  ydoc.transact(() => {
    // The binding below deletes what it cannot read: damage stored before the schema guard is
    // removed first, within the same change, and told.
    const repaired = repairDocument(ydoc, origin);
    if (repaired.length > 0) onDamage?.(repaired);
    const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
    const { doc, meta } = initProseMirrorDoc(fragment, schema);
    const next = doc.copy(doc.content.append(Fragment.fromArray(nodes)));
    next.check();
    updateYFragment(ydoc, fragment, next, meta);
  }, origin);
}
