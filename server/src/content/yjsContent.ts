import { Node as PMNode } from '@tiptap/pm/model';
import { buildSchema, FRAGMENT_NAME, type JSONContent } from '@polisee/editor-schema';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import * as Y from 'yjs';
import type { StoredDocumentState } from '../store/ports.js';
import { readTolerantly, type DamageListener } from './documentRepair.js';

/** Built once: the schema is pure data derived from the shared extensions. */
const schema = buildSchema();

/** Encodes ProseMirror JSON as the initial Yjs state of a new document. Throws on content the schema rejects. */
export function encodeInitialState(json: JSONContent): Uint8Array {
  // Validate against the schema first: a template bug must fail loudly, not store a broken doc.
  PMNode.fromJSON(schema, json).check();
  const ydoc = prosemirrorJSONToYDoc(schema, json, FRAGMENT_NAME);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

/** Rebuilds a Y.Doc from a stored snapshot and the log entries after it. */
export function decodeStoredState(stored: StoredDocumentState): Y.Doc {
  const ydoc = new Y.Doc({ gc: true });
  if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(ydoc, update);
  return ydoc;
}

/** The document as ProseMirror JSON and plain text; what the schema cannot read is skipped. */
export function ydocToContent(
  ydoc: Y.Doc,
  onDamage?: DamageListener,
): { json: JSONContent; text: string } {
  return readTolerantly(
    ydoc,
    (readable) => {
      const fragment = readable.getXmlFragment(FRAGMENT_NAME);
      const json = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
      const node = PMNode.fromJSON(schema, json);
      return { json, text: node.textBetween(0, node.content.size, '\n\n', '\n') };
    },
    onDamage,
  );
}
