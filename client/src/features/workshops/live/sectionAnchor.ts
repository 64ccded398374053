import type { Node as PmNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** How the sync binding maps Yjs types to ProseMirror nodes (not exported by name). */
type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/** What the Collaboration extension's sync plugin holds: the shared fragment and its binding. */
export interface YBinding {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** The sync binding of a collaborative editor, or null before it is bound. */
export function bindingOf(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    | { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: ProsemirrorMapping } | null }
    | undefined;
  if (!sync?.binding) return null;
  return { doc: sync.doc, fragment: sync.type, mapping: sync.binding.mapping };
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The start of the block a position falls in: a section anchor may name the heading element
 * itself (a position in the fragment, as the server makes them) or the start of its text (as
 * the editor makes them); either way the heading is the block that holds it.
 */
export function blockStartAt(doc: PmNode, pos: number): number | null {
  if (pos < 0 || pos > doc.content.size) return null;
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    if ($pos.node(depth).isTextblock) return $pos.before(depth);
  }
  // Between blocks: the block that starts here.
  return $pos.nodeAfter ? pos : null;
}

/**
 * Where a section anchor (a base64 Yjs relative position at a heading) is now in the editor's
 * document: the position just before the heading, or null when the heading is gone or not yet
 * loaded (the caller tries again after the next sync).
 */
export function resolveSectionAnchor(
  anchor: string,
  binding: YBinding,
  doc: PmNode,
): number | null {
  let relative: Y.RelativePosition;
  try {
    relative = Y.decodeRelativePosition(fromBase64(anchor));
  } catch {
    return null;
  }
  const absolute = relativePositionToAbsolutePosition(
    binding.doc,
    binding.fragment,
    relative,
    binding.mapping,
  );
  return absolute === null ? null : blockStartAt(doc, absolute);
}

/** An anchor for the heading that starts at `pos` (at the start of its text, so it moves with it). */
export function encodeSectionAnchor(pos: number, binding: YBinding): string {
  return toBase64(
    Y.encodeRelativePosition(
      absolutePositionToRelativePosition(pos + 1, binding.fragment, binding.mapping),
    ),
  );
}
