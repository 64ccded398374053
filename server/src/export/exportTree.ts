/**
 * What an export is made of: a small tree every format renders (DOCX, HTML for the PDF,
 * Markdown). The document's ProseMirror JSON is walked once into it (`readExportTree`), the
 * method blocks and the appendices become tables and paragraphs of it, so each renderer knows
 * only these few shapes and never the editor schema.
 */

export interface InlineStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  /** A web or mail link (the schema allows no other). */
  href?: string;
  /** Pending suggestions stay in the export, marked (decision 0060). */
  suggestion?: 'insertion' | 'deletion';
}

export type Inline = { kind: 'text'; text: string; style: InlineStyle } | { kind: 'break' };

export interface TableCell {
  header: boolean;
  blocks: Block[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { kind: 'table'; caption: string | null; rows: TableCell[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

export interface ListItem {
  /** Null for an item of a bullet or numbered list; true or false for a task. */
  checked: boolean | null;
  blocks: Block[];
}

/** A document ready to render: its title, a line under it, its body and its appendices. */
export interface ExportTree {
  title: string;
  /** Which state this is: "Version 4 — 3 May 2025", "Published …", or when it was exported. */
  subtitle: string;
  body: Block[];
  /** Each appendix starts with a level-1 heading of its own. */
  appendices: Block[];
}

export const text = (value: string, style: InlineStyle = {}): Inline => ({
  kind: 'text',
  text: value,
  style,
});
export const paragraph = (...inlines: Inline[]): Block => ({ kind: 'paragraph', inlines });
export const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, value: string): Block => ({
  kind: 'heading',
  level,
  inlines: [text(value)],
});
/** A cell of plain text (a table of a method block or an appendix). */
export const cell = (value: string, header = false): TableCell => ({
  header,
  blocks: value === '' ? [] : value.split('\n').map((line) => paragraph(text(line))),
});

/** The plain text of inline content (a break read as a space). */
export function plainText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : ' ')).join('');
}
