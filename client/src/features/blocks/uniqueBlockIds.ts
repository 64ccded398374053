import { BLOCK_ID_ATTRIBUTES, newBlockId } from '@polisee/editor-schema';
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';

type IdAttribute = (typeof BLOCK_ID_ATTRIBUTES)[keyof typeof BLOCK_ID_ATTRIBUTES];

/** The id a block or item carries, if it is one. */
function idOf(node: PMNode): { attribute: IdAttribute; id: unknown } | null {
  const attribute = BLOCK_ID_ATTRIBUTES[node.type.name as keyof typeof BLOCK_ID_ATTRIBUTES];
  return attribute ? { attribute, id: node.attrs[attribute] } : null;
}

/** Whether `pos` lies in what the transaction inserted (mapped to the new document). */
function insertedBy(trs: readonly Transaction[], pos: number): boolean {
  return trs.some((tr) =>
    tr.mapping.maps.some((map, i) => {
      let hit = false;
      // Ranges of step i, in the document after step i; map them on to the final document.
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
        const rest = tr.mapping.slice(i + 1);
        if (pos >= rest.map(newStart, -1) && pos < rest.map(newEnd, 1)) hit = true;
      });
      return hit;
    }),
  );
}

/**
 * Scores, threads, votes and links refer to a block or item by its id, so ids are unique in a
 * document. A paste or drop of a block copied from this document brings its ids along: the copy
 * gets fresh ones, the original keeps its own. Only local paste and drop transactions are looked
 * at (remote changes arrive already checked by their author's editor).
 */
export const UniqueBlockIds = Extension.create({
  name: 'uniqueBlockIds',
  addProseMirrorPlugins() {
    return [uniqueBlockIdsPlugin()];
  },
});

export function uniqueBlockIdsPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('uniqueBlockIds'),
    appendTransaction(transactions, _old, state) {
      const pasted = transactions.filter(
        (tr) => tr.docChanged && ['paste', 'drop'].includes(tr.getMeta('uiEvent') as string),
      );
      if (pasted.length === 0) return null;
      const seen = new Map<unknown, number>();
      const copies: { pos: number; attribute: IdAttribute }[] = [];
      state.doc.descendants((node, pos) => {
        const found = idOf(node);
        if (!found || typeof found.id !== 'string') return;
        const first = seen.get(found.id);
        if (first === undefined) {
          seen.set(found.id, pos);
          return;
        }
        // Two with one id: the pasted one is the copy (if it is the first, swap them).
        if (insertedBy(pasted, pos)) copies.push({ pos, attribute: found.attribute });
        else {
          copies.push({ pos: first, attribute: found.attribute });
          seen.set(found.id, pos);
        }
      });
      if (copies.length === 0) return null;
      const tr = state.tr;
      for (const { pos, attribute } of copies) tr.setNodeAttribute(pos, attribute, newBlockId());
      return tr;
    },
  });
}
