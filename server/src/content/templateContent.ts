import {
  newAssessmentMatrix,
  newForesightBoard,
  newPilotIndicators,
  type JSONContent,
} from '@polisee/editor-schema';
import type { DocumentTemplate, TemplateBlock } from '../templates/types.js';

/**
 * Turns a template into a document in the shared editor schema: an H1 title, then per section
 * an H2, its guiding prompt in italics, and its structured block. Done on the server only, at
 * creation, so template content can never be inserted twice by two clients.
 */
export function templateToContent(title: string, template: DocumentTemplate): JSONContent {
  const content: JSONContent[] = [heading(1, title)];
  for (const section of template.sections) {
    content.push(heading(2, section.heading));
    content.push({
      type: 'paragraph',
      content: [{ type: 'text', text: section.prompt, marks: [{ type: 'italic' }] }],
    });
    if (section.block) content.push(blockContent(section.block));
    else content.push({ type: 'paragraph' });
  }
  return { type: 'doc', content };
}

export function heading(level: number, text: string): JSONContent {
  return { type: 'heading', attrs: { level }, content: text ? [{ type: 'text', text }] : [] };
}

export function paragraph(text: string): JSONContent {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

function blockContent(block: TemplateBlock): JSONContent {
  switch (block.type) {
    case 'bullets':
      return {
        type: 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
      };
    case 'tasks':
      return {
        type: 'taskList',
        content: block.items.map((item) => ({
          type: 'taskItem',
          attrs: { checked: false },
          content: [paragraph(item)],
        })),
      };
    case 'table':
      return table(block.header, block.rows);
    case 'assessmentMatrix':
      return newAssessmentMatrix();
    case 'foresightBoard':
      return newForesightBoard({ drivers: block.drivers });
    case 'pilotIndicators':
      return newPilotIndicators({ indicators: block.indicators });
  }
}

export function table(header: string[], rows: string[][]): JSONContent {
  const cell = (type: 'tableHeader' | 'tableCell') => (text: string) => ({
    type,
    content: [paragraph(text)],
  });
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map(cell('tableHeader')) },
      ...rows.map((row) => ({ type: 'tableRow', content: row.map(cell('tableCell')) })),
    ],
  };
}
