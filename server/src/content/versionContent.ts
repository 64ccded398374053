import { createHash } from 'node:crypto';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { BlockChange } from '@polisee/contracts';
import { buildDiffSchema, buildSchema, FRAGMENT_NAME, readBlocks } from '@polisee/editor-schema';
import {
  initProseMirrorDoc,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from 'y-prosemirror';
import * as Y from 'yjs';
import { readTolerantly, repairDocument, type DamageListener } from './documentRepair.js';
import { diffBlocks } from './diff/blockChanges.js';
import { carryMarks, diffDocuments, diffToJSON, type DiffStats } from './diff/index.js';

/** Built once: the schemas are pure data derived from the shared extensions. */
const schema = buildSchema();
const diffSchema = buildDiffSchema();

/** A document's state as a version keeps it. */
export interface CapturedState {
  /** `Y.encodeStateAsUpdate`: everything needed to rebuild the document. */
  state: Uint8Array;
  /** Base64 of `Y.encodeStateVector`. */
  stateVector: string;
  contentHash: string;
}

/** JSON with sorted keys: equal content, equal text, however its attributes were written. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * SHA-256 of the content as the schema reads it (defaults filled in), so two states that read
 * the same hash the same. The state vector cannot tell that: deletions do not advance it, and
 * typing then deleting does.
 */
export function contentHashOf(ydoc: Y.Doc, onDamage?: DamageListener): string {
  return readTolerantly(
    ydoc,
    (readable) => {
      const fragment = readable.getXmlFragment(FRAGMENT_NAME);
      const node = yXmlFragmentToProseMirrorRootNode(fragment, schema);
      return createHash('sha256').update(canonicalJson(node.toJSON())).digest('hex');
    },
    onDamage,
  );
}

/** Captures a live or stored Y.Doc as a version keeps it. Synchronous: safe on a closing room. */
export function captureState(ydoc: Y.Doc, onDamage?: DamageListener): CapturedState {
  return {
    state: Y.encodeStateAsUpdate(ydoc),
    stateVector: Buffer.from(Y.encodeStateVector(ydoc)).toString('base64'),
    contentHash: contentHashOf(ydoc, onDamage),
  };
}

/** A version's Y.Doc, rebuilt from its bytes. The caller destroys it. */
export function decodeVersionState(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc({ gc: true });
  Y.applyUpdate(ydoc, state);
  return ydoc;
}

/** The document as the comparison sees it: the diff schema, without comment anchors. */
function comparable(ydoc: Y.Doc, onDamage?: DamageListener): PMNode {
  const node = readTolerantly(
    ydoc,
    (readable) =>
      yXmlFragmentToProseMirrorRootNode(readable.getXmlFragment(FRAGMENT_NAME), diffSchema),
    onDamage,
  );
  return new Transform(node).removeMark(0, node.content.size, diffSchema.marks.commentThread!).doc;
}

/**
 * Compares two states of a document: `to`'s content in its own structure, with what changed
 * since `from` marked (see `content/diff`), and the changes inside its method blocks named item
 * by item. Comment anchors are left out on both sides: a comparison shows the text and its
 * formatting, threads are shown by the thread list.
 */
export function diffStates(
  from: Y.Doc,
  to: Y.Doc,
  onDamage?: DamageListener,
): { json: Record<string, unknown>; stats: DiffStats; blockChanges: BlockChange[] } {
  const a = comparable(from, onDamage);
  const b = comparable(to, onDamage);
  const { doc, stats } = diffDocuments(a, b);
  const blockChanges = diffBlocks(readBlocks(a.toJSON()), readBlocks(b.toJSON()));
  return { json: diffToJSON(doc), stats, blockChanges };
}

/**
 * Makes the live document read as `version` does, as one new change on top of its history
 * (nothing is rewritten or truncated): y-prosemirror's `updateYFragment` turns the live
 * fragment into the version's content, keeping the Yjs items of everything that is equal.
 *
 * `updateYFragment` would also drop the comment anchors made since the version (they are
 * formatting to it). So the live anchors are first carried onto the version's content wherever
 * their text survives unchanged; anchors whose text is gone go with it (their threads become
 * orphaned, as on any deletion), and anchors the version itself had come back with its text.
 */
export function restoreInto(
  live: Y.Doc,
  version: Y.Doc,
  origin: unknown,
  onDamage?: DamageListener,
): void {
  const target = readTolerantly(
    version,
    (readable) => yXmlFragmentToProseMirrorRootNode(readable.getXmlFragment(FRAGMENT_NAME), schema),
    onDamage,
  );
  live.transact(() => {
    // The restore rewrites the live document anyway: what it holds outside the schema goes
    // first, in the same change, so that the binding below can read it.
    const repaired = repairDocument(live, origin);
    if (repaired.length > 0) onDamage?.(repaired);
    const fragment = live.getXmlFragment(FRAGMENT_NAME);
    const { doc: current, meta } = initProseMirrorDoc(fragment, schema);
    const withAnchors = carryMarks(current, target, schema.marks.commentThread!);
    updateYFragment(live, fragment, withAnchors, meta);
  }, origin);
}
