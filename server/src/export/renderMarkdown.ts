import type {
  BlockContent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell as MdTableCell,
} from 'mdast';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Block, ExportTree, Inline, TableCell } from './exportTree.js';

/**
 * Markdown through mdast: the tree becomes a syntax tree and mdast-util-to-markdown writes it,
 * escaping what needs escaping; tables are GFM tables, deletions (struck through or suggested
 * for deletion) GFM strikethrough. A GFM table cell holds one line, so a cell's paragraphs are
 * joined with line breaks. Underline has no Markdown: it is plain text.
 */
export function renderMarkdown(tree: ExportTree): string {
  const root: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: tree.title }] },
      {
        type: 'paragraph',
        children: [{ type: 'emphasis', children: [{ type: 'text', value: tree.subtitle }] }],
      },
      ...blocks([...tree.body, ...tree.appendices]),
    ],
  };
  return toMarkdown(root, {
    extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), gfmTaskListItemToMarkdown()],
    bullet: '-',
    rule: '-',
    fences: true,
  });
}

function blocks(list: Block[]): RootContent[] {
  return list.flatMap(block);
}

function block(b: Block): RootContent[] {
  switch (b.kind) {
    case 'heading':
      return [{ type: 'heading', depth: b.level, children: phrasing(b.inlines) }];
    case 'paragraph':
      return [{ type: 'paragraph', children: phrasing(b.inlines) }];
    case 'list':
      return [
        {
          type: 'list',
          ordered: b.ordered,
          start: b.ordered ? b.start : null,
          spread: false,
          children: b.items.map((item) => ({
            type: 'listItem',
            spread: false,
            checked: item.checked,
            children: blocks(item.blocks) as BlockContent[],
          })),
        },
      ];
    case 'quote':
      return [{ type: 'blockquote', children: blocks(b.blocks) as BlockContent[] }];
    case 'code':
      return [{ type: 'code', value: b.text }];
    case 'rule':
      return [{ type: 'thematicBreak' }];
    case 'table': {
      const caption: RootContent[] = b.caption
        ? [
            {
              type: 'paragraph',
              children: [{ type: 'strong', children: [{ type: 'text', value: b.caption }] }],
            },
          ]
        : [];
      return [...caption, table(b.rows)];
    }
  }
}

function table(rows: TableCell[][]): Table {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: rows.map((row) => ({
      type: 'tableRow',
      // GFM needs every row as wide as the header.
      children: Array.from({ length: width }, (_, i) => tableCell(row[i])),
    })),
  };
}

function tableCell(cell: TableCell | undefined): MdTableCell {
  const children: PhrasingContent[] = [];
  for (const b of cell?.blocks ?? []) {
    if (children.length > 0) children.push({ type: 'break' });
    children.push(...phrasing(cellInlines(b)));
  }
  return { type: 'tableCell', children };
}

/** The inline content of a block inside a table cell (nested structure flattened). */
function cellInlines(b: Block): Inline[] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return b.inlines;
    case 'code':
      return [{ kind: 'text', text: b.text, style: { code: true } }];
    case 'rule':
      return [];
    case 'quote':
      return b.blocks.flatMap(cellInlines);
    case 'list':
      return b.items.flatMap((item) => item.blocks.flatMap(cellInlines));
    case 'table':
      return b.rows.flatMap((r) => r.flatMap((c) => c.blocks.flatMap(cellInlines)));
  }
}

function phrasing(inlines: Inline[]): PhrasingContent[] {
  return inlines.flatMap((inline): PhrasingContent[] => {
    if (inline.kind === 'break') return [{ type: 'break' }];
    const { style } = inline;
    const marked = style.bold || style.italic || style.strike || style.suggestion === 'deletion';
    // `** bold**` is no emphasis in CommonMark (the writer would escape the spaces as `&#x20;`):
    // the spaces at the edges of marked text go outside the marks.
    const [, lead = '', core = '', trail = ''] = marked
      ? (/^(\s*)([\s\S]*?)(\s*)$/.exec(inline.text) ?? [])
      : ['', '', inline.text, ''];
    const edge = (value: string): PhrasingContent[] => (value ? [{ type: 'text', value }] : []);
    if (core === '') return edge(inline.text);
    let node: PhrasingContent = style.code
      ? { type: 'inlineCode', value: core }
      : { type: 'text', value: core };
    if (style.bold) node = { type: 'strong', children: [node] };
    if (style.italic) node = { type: 'emphasis', children: [node] };
    if (style.strike || style.suggestion === 'deletion')
      node = { type: 'delete', children: [node] };
    if (style.href) node = { type: 'link', url: style.href, children: [node] };
    return [...edge(lead), node, ...edge(trail)];
  });
}
