import type { Code, List, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { SteepCategorySchema } from '@polisee/contracts';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { TemplateBlock, TemplateSection } from './types.js';

/**
 * A template file as written, before the schema check: the kind's name in the file's language
 * (the first heading), the one-line summary, and the sections.
 */
export interface TemplateFile {
  name: string;
  summary: string;
  sections: TemplateSection[];
}

/** A content file that does not follow the convention: the message names the file and line. */
export class TemplateContentError extends Error {
  override name = 'TemplateContentError';
}

/**
 * Reads a template written in the Markdown convention of docs/decisions/0042 (CommonMark with
 * GitHub tables and task lists):
 *
 *     # Name of the kind
 *     Summary paragraph.
 *     ## Section heading
 *     Prompt paragraph.
 *     (optional) a table, a "- " bullet list or a "- [ ] " task list, or a method block as a
 *     fenced code block: ```assessment-matrix (empty), ```foresight-board (one driver per line,
 *     "category: label", the category a STEEP one in English), ```pilot-indicators (one
 *     indicator per line, "name | unit")
 *
 * Anything else (a third heading level, a second paragraph, bold, a link, …) is refused rather
 * than dropped: the text a translator wrote must either reach the document or stop the start.
 */
export function parseTemplateMarkdown(source: string, file: string): TemplateFile {
  const root = fromMarkdown(source, {
    extensions: [gfmTable(), gfmTaskListItem()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });
  const nodes = root.children.filter((n) => n.type !== 'definition');
  let at = 0;
  const fail = (node: Nodes | undefined, expected: string): never => {
    const line = node?.position?.start.line;
    const found = node ? describe(node) : 'the end of the file';
    throw new TemplateContentError(
      `${file}${line ? `:${line}` : ''}: expected ${expected}, found ${found}.`,
    );
  };
  const take = <T extends RootContent['type']>(type: T, expected: string, depth?: number) => {
    const node = nodes[at];
    if (node?.type !== type || (depth && node.type === 'heading' && node.depth !== depth)) {
      return fail(node, expected);
    }
    at += 1;
    return node as Extract<RootContent, { type: T }>;
  };

  const name = plainText(take('heading', 'the name of the kind as "# Name"', 1), file);
  const summary = plainText(take('paragraph', 'the summary paragraph'), file);
  const sections: TemplateSection[] = [];
  while (at < nodes.length) {
    const heading = plainText(take('heading', 'a section heading as "## Heading"', 2), file);
    const prompt = plainText(take('paragraph', "the section's prompt paragraph"), file);
    const next = nodes[at];
    let block: TemplateBlock | undefined;
    if (next?.type === 'table' || next?.type === 'list' || next?.type === 'code') {
      block =
        next.type === 'table'
          ? tableBlock(next, file)
          : next.type === 'list'
            ? listBlock(next, file)
            : methodBlock(next, file);
      at += 1;
    }
    sections.push(block ? { heading, prompt, block } : { heading, prompt });
  }
  if (sections.length === 0) fail(undefined, 'at least one section as "## Heading"');
  return { name, summary, sections };
}

function tableBlock(table: Table, file: string): TemplateBlock {
  const [head, ...body] = table.children.map((row) => {
    return row.children.map((cell) => plainText(cell, file));
  });
  const header = head ?? [];
  body.forEach((row, i) => {
    if (row.length !== header.length) {
      const line = table.children[i + 1]!.position?.start.line;
      throw new TemplateContentError(
        `${file}:${line}: a table row has ${row.length} cells, its header ${header.length}.`,
      );
    }
  });
  return { type: 'table', header, rows: body };
}

function listBlock(list: List, file: string): TemplateBlock {
  const line = list.position?.start.line;
  if (list.ordered) {
    throw new TemplateContentError(`${file}:${line}: use "- " for a list, not numbers.`);
  }
  const items = list.children.map((item) => {
    const [paragraph, ...rest] = item.children;
    if (paragraph?.type !== 'paragraph' || rest.length > 0) {
      throw new TemplateContentError(
        `${file}:${item.position?.start.line}: a list item holds one line of text.`,
      );
    }
    return { checked: item.checked, text: plainText(paragraph, file) };
  });
  if (items.every((i) => i.checked === false)) {
    return { type: 'tasks', items: items.map((i) => i.text) };
  }
  if (items.every((i) => i.checked === null || i.checked === undefined)) {
    return { type: 'bullets', items: items.map((i) => i.text) };
  }
  throw new TemplateContentError(
    `${file}:${line}: a list is either all "- " bullets or all "- [ ] " open tasks.`,
  );
}

/** A method block (decision 0049), written as a fenced code block named after it. */
function methodBlock(code: Code, file: string): TemplateBlock {
  const start = code.position?.start.line ?? 0;
  const lines = code.value
    .split('\n')
    .map((text, i) => ({ text: text.trim(), line: start + 1 + i }))
    .filter((l) => l.text !== '');
  const fail = (line: number, message: string): never => {
    throw new TemplateContentError(`${file}:${line}: ${message}`);
  };
  switch (code.lang) {
    case 'assessment-matrix':
      if (lines.length > 0)
        fail(
          lines[0]!.line,
          'an assessment matrix takes no lines: it has the DAC criteria and the six priorities.',
        );
      return { type: 'assessmentMatrix' };
    case 'foresight-board':
      return {
        type: 'foresightBoard',
        drivers: lines.map(({ text, line }) => {
          const [category = '', ...label] = text.split(':');
          const parsed = SteepCategorySchema.safeParse(category.trim());
          if (!parsed.success) {
            fail(
              line,
              `a driver is "category: label" with a category of ${SteepCategorySchema.options.join(', ')}.`,
            );
          }
          return { category: parsed.data!, label: label.join(':').trim() };
        }),
      };
    case 'pilot-indicators':
      return {
        type: 'pilotIndicators',
        indicators: lines.map(({ text, line }) => {
          const parts = text.split('|').map((p) => p.trim());
          if (parts.length !== 2) fail(line, 'an indicator is "name | unit".');
          return { name: parts[0]!, unit: parts[1]! };
        }),
      };
    default:
      return fail(
        start,
        `a fenced block names a method block (assessment-matrix, foresight-board, pilot-indicators), not "${code.lang ?? ''}".`,
      );
  }
}

/**
 * The text of a heading, paragraph or table cell. Only plain text is allowed: the editor
 * template has no formatting of its own (prompts are set in italics by templateToContent).
 * A line break inside a paragraph is a space, so a translator may wrap long lines.
 */
function plainText(
  node: Paragraph | Extract<Nodes, { type: 'heading' | 'tableCell' }>,
  file: string,
) {
  let text = '';
  for (const child of node.children) {
    if (child.type !== 'text') {
      throw new TemplateContentError(
        `${file}:${child.position?.start.line}: only plain text is allowed, found ${describe(child)}` +
          ' (write \\* \\_ \\[ to keep such a character as text).',
      );
    }
    text += child.value;
  }
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

function describe(node: Nodes): string {
  if (node.type === 'heading') return `a level-${node.depth} heading`;
  return `"${node.type}"`;
}
