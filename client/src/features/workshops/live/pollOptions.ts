import { WORKSHOP_LIMITS } from '@polisee/domain';
import type { Node as PmNode } from '@tiptap/pm/model';

/*
 * Poll options taken from the document: the items of the list the facilitator's selection is in,
 * or the paragraphs under a heading. Pure functions of the ProseMirror document, so they are the
 * same whatever editor shows it.
 */

const LIST_TYPES = new Set(['bulletList', 'orderedList', 'taskList']);

/** One line of text per option: whitespace folded, cut to the option limit. */
function optionText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, WORKSHOP_LIMITS.optionChars);
}

/** Non-empty, without repeats (options must differ, case aside), at most the poll's limit. */
export function cleanOptions(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const options: string[] = [];
  for (const raw of texts) {
    const text = optionText(raw);
    const key = text.toLocaleLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    options.push(text);
    if (options.length === WORKSHOP_LIMITS.pollOptions) break;
  }
  return options;
}

/** The text of a list item without its nested lists (a sub-list is not part of the option). */
function itemText(item: PmNode): string {
  const parts: string[] = [];
  item.forEach((child) => {
    if (!LIST_TYPES.has(child.type.name)) parts.push(child.textContent);
  });
  return parts.join(' ');
}

/**
 * The items of the innermost list around a position (the editor's selection), or [] when the
 * position is in no list.
 */
export function listItemsAround(doc: PmNode, pos: number): string[] {
  if (pos < 0 || pos > doc.content.size) return [];
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth -= 1) {
    const node = $pos.node(depth);
    if (LIST_TYPES.has(node.type.name)) {
      const items: string[] = [];
      node.forEach((item) => items.push(itemText(item)));
      return cleanOptions(items);
    }
  }
  return [];
}

/**
 * The paragraphs of the section under the heading at `headingPos`: every paragraph after it up to
 * the next heading of the same or a higher level. Paragraphs inside lists and tables count too:
 * a section's proposals are often a list.
 */
export function sectionParagraphs(doc: PmNode, headingPos: number): string[] {
  const heading = doc.nodeAt(headingPos);
  if (!heading || heading.type.name !== 'heading') return [];
  const level = Number(heading.attrs.level) || 1;
  const texts: string[] = [];
  let inside = false;
  let done = false;
  doc.descendants((node, pos) => {
    if (done) return false;
    if (pos === headingPos) {
      inside = true;
      return false;
    }
    if (!inside) return node.type.name !== 'heading';
    if (node.type.name === 'heading') {
      if ((Number(node.attrs.level) || 1) <= level) done = true;
      return false;
    }
    if (node.type.name === 'paragraph') {
      texts.push(node.textContent);
      return false;
    }
    return true;
  });
  return cleanOptions(texts);
}
