import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type { Block, ExportTree, Inline, ListItem } from './exportTree.js';

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
  6: HeadingLevel.HEADING_6,
} as const;

/** Pending suggestions, coloured as the editor shows them: added green, removed red. */
const INSERTION_COLOR = '1B5E20';
const DELETION_COLOR = 'B71C1C';
const MONOSPACE = 'Consolas';
/** Word's list indent per level (twips): half an inch, as Word's own lists. */
const LIST_INDENT = 720;

/**
 * A Word document with the `docx` library: real heading styles (the navigation pane and a
 * table of contents work), real numbered and bulleted lists (numbering restarts per list, at
 * the list's own start), tables with header rows repeated across pages, and hyperlinks.
 */
export async function renderDocx(tree: ExportTree): Promise<Buffer> {
  const writer = new DocxWriter();
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(tree.title)] }),
    new Paragraph({ children: [new TextRun({ text: tree.subtitle, italics: true })] }),
    ...writer.blocks(tree.body),
    ...writer.blocks(tree.appendices),
  ];
  const doc = new Document({
    title: tree.title,
    creator: 'PoliSEE',
    numbering: writer.numbering(),
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

class DocxWriter {
  /** Every ordered list is an instance of the reference of its start number. */
  private readonly starts = new Set<number>([1]);
  private nextInstance = 1;

  numbering(): INumberingOptions {
    return {
      config: [
        { reference: 'bullets', levels: levels(() => ({ format: LevelFormat.BULLET, text: '•' })) },
        ...[...this.starts].map((start) => ({
          reference: orderedReference(start),
          levels: levels((level) => ({
            format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][
              level % 3
            ]!,
            text: `%${level + 1}.`,
            start: level === 0 ? start : 1,
          })),
        })),
      ],
    };
  }

  blocks(list: Block[], listLevel = -1): (Paragraph | Table)[] {
    return list.flatMap((b) => this.block(b, listLevel));
  }

  private block(b: Block, listLevel: number): (Paragraph | Table)[] {
    const indent = listLevel >= 0 ? { left: LIST_INDENT * (listLevel + 1) } : undefined;
    switch (b.kind) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[b.level], children: runs(b.inlines) })];
      case 'paragraph':
        return [new Paragraph({ indent, children: runs(b.inlines) })];
      case 'list':
        return this.list(b.ordered, b.start, b.items, listLevel + 1);
      case 'quote':
        return b.blocks.flatMap((inner) =>
          this.block(inner, listLevel).map((p) =>
            p instanceof Paragraph && inner.kind === 'paragraph'
              ? new Paragraph({
                  indent: { left: (indent?.left ?? 0) + LIST_INDENT },
                  border: {
                    left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 },
                  },
                  children: runs(inner.inlines, { italics: true }),
                })
              : p,
          ),
        );
      case 'code':
        return [
          new Paragraph({
            indent,
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F3F3' },
            children: b.text
              .split('\n')
              .map((line, i) => new TextRun({ text: line, font: MONOSPACE, break: i > 0 ? 1 : 0 })),
          }),
        ];
      case 'rule':
        return [
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
            children: [],
          }),
        ];
      case 'table':
        return [
          ...(b.caption
            ? [
                new Paragraph({
                  keepNext: true,
                  children: [new TextRun({ text: b.caption, bold: true })],
                }),
              ]
            : []),
          this.table(b.rows),
          // Word joins two tables that touch into one.
          new Paragraph({ children: [] }),
        ];
    }
  }

  private list(ordered: boolean, start: number, items: ListItem[], level: number) {
    if (ordered) this.starts.add(start);
    const reference = ordered ? orderedReference(start) : 'bullets';
    const instance = this.nextInstance++;
    // Word has nine list levels; deeper items stay on the last one.
    const wordLevel = Math.min(level, 8);
    return items.flatMap((item) => {
      const [first, ...rest] = item.blocks;
      const box = item.checked === null ? [] : [new TextRun(item.checked ? '☑ ' : '☐ ')];
      const lead = first?.kind === 'paragraph' || first?.kind === 'heading' ? first : null;
      const head = new Paragraph({
        numbering: { reference, level: wordLevel, instance },
        children: [...box, ...(lead ? runs(lead.inlines) : [])],
      });
      return [head, ...this.blocks(lead ? rest : item.blocks, level)];
    });
  }

  private table(rows: { header: boolean; blocks: Block[] }[][]): Table {
    const width = Math.max(1, ...rows.map((r) => r.length));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (row) =>
          new TableRow({
            tableHeader: row.length > 0 && row.every((c) => c.header),
            children: Array.from({ length: width }, (_, i) => {
              const cell = row[i];
              const content = this.blocks(cell?.blocks ?? []);
              return new TableCell({
                shading: cell?.header
                  ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' }
                  : undefined,
                // A Word cell must end with a paragraph.
                children:
                  content.at(-1) instanceof Paragraph ? content : [...content, new Paragraph({})],
              });
            }),
          }),
      ),
    });
  }
}

function orderedReference(start: number): string {
  return `ordered-${start}`;
}

function levels(
  make: (level: number) => {
    format: (typeof LevelFormat)[keyof typeof LevelFormat];
    text: string;
    start?: number;
  },
): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    alignment: AlignmentType.START,
    ...make(level),
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: 360 } } },
  }));
}

function runs(inlines: Inline[], base: { italics?: boolean } = {}): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === 'break') return new TextRun({ break: 1 });
    const { style } = inline;
    const run = new TextRun({
      text: inline.text,
      bold: style.bold,
      italics: style.italic || base.italics,
      underline: style.underline || style.suggestion === 'insertion' ? {} : undefined,
      strike: style.strike || style.suggestion === 'deletion',
      color:
        style.suggestion === 'insertion'
          ? INSERTION_COLOR
          : style.suggestion === 'deletion'
            ? DELETION_COLOR
            : undefined,
      font: style.code ? MONOSPACE : undefined,
      style: style.href ? 'Hyperlink' : undefined,
    });
    return style.href ? new ExternalHyperlink({ link: style.href, children: [run] }) : run;
  });
}
