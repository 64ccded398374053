import type { JSONContent } from '@polisee/editor-schema';
import type { Block, Inline, InlineStyle, ListItem, TableCell } from './exportTree.js';
import { methodBlockTables } from './blockTables.js';
import type { ExportLabels } from './labels.js';

/**
 * The one walk over our node types, from a document's ProseMirror JSON to the export tree.
 * A node type it does not know is read for its children, so content added to the schema later
 * is still exported (as plain paragraphs) rather than lost.
 */
export function readExportBody(doc: JSONContent, labels: ExportLabels): Block[] {
  return blocksOf(doc.content ?? [], labels);
}

function blocksOf(nodes: JSONContent[], labels: ExportLabels): Block[] {
  return nodes.flatMap((node) => blockOf(node, labels));
}

function blockOf(node: JSONContent, labels: ExportLabels): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ kind: 'paragraph', inlines: inlinesOf(node) }];
    case 'heading':
      return [
        { kind: 'heading', level: headingLevel(node.attrs?.level), inlines: inlinesOf(node) },
      ];
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return [
        {
          kind: 'list',
          ordered: node.type === 'orderedList',
          start: typeof node.attrs?.start === 'number' ? node.attrs.start : 1,
          items: (node.content ?? []).map((item) => listItemOf(item, labels)),
        },
      ];
    case 'blockquote':
      return [{ kind: 'quote', blocks: blocksOf(node.content ?? [], labels) }];
    case 'codeBlock':
      return [{ kind: 'code', text: (node.content ?? []).map((t) => t.text ?? '').join('') }];
    case 'horizontalRule':
      return [{ kind: 'rule' }];
    case 'table':
      return [{ kind: 'table', caption: null, rows: (node.content ?? []).map(rowOf(labels)) }];
    case 'assessmentMatrix':
    case 'foresightBoard':
    case 'pilotIndicators':
      return methodBlockTables(node, labels);
    default:
      // Inline content at block level (never in a valid document) becomes a paragraph.
      if (node.type === 'text' || node.type === 'hardBreak') {
        return [{ kind: 'paragraph', inlines: inlinesOf({ content: [node] }) }];
      }
      return blocksOf(node.content ?? [], labels);
  }
}

function headingLevel(level: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  return typeof level === 'number' && level >= 1 && level <= 6
    ? (Math.floor(level) as 1 | 2 | 3 | 4 | 5 | 6)
    : 1;
}

function listItemOf(item: JSONContent, labels: ExportLabels): ListItem {
  return {
    checked: item.type === 'taskItem' ? item.attrs?.checked === true : null,
    blocks: blocksOf(item.content ?? [], labels),
  };
}

function rowOf(labels: ExportLabels) {
  return (row: JSONContent): TableCell[] =>
    (row.content ?? []).map((cell) => ({
      header: cell.type === 'tableHeader',
      blocks: blocksOf(cell.content ?? [], labels),
    }));
}

function inlinesOf(node: JSONContent): Inline[] {
  const inlines: Inline[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'hardBreak') inlines.push({ kind: 'break' });
    else if (child.type === 'text' && child.text) {
      inlines.push({ kind: 'text', text: child.text, style: styleOf(child.marks ?? []) });
    } else if (child.content) inlines.push(...inlinesOf(child));
  }
  return inlines;
}

function styleOf(marks: NonNullable<JSONContent['marks']>): InlineStyle {
  const style: InlineStyle = {};
  for (const mark of marks) {
    switch (mark.type) {
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strike':
      case 'code':
        style[mark.type] = true;
        break;
      case 'link':
        // The schema's rules allow only web and mail links; anything else is dropped as text.
        if (typeof mark.attrs?.href === 'string' && /^(https?:|mailto:)/i.test(mark.attrs.href)) {
          style.href = mark.attrs.href;
        }
        break;
      case 'insertion':
      case 'deletion':
        style.suggestion = mark.type;
        break;
      // commentThread: the anchor of a thread, not formatting; threads go to the appendix.
    }
  }
  return style;
}
