import { describe, expect, it } from 'vitest';
import { buildSchema } from './index.js';

describe('shared editor schema', () => {
  const schema = buildSchema();

  it('has the nodes and marks documents are written with', () => {
    for (const node of [
      'doc',
      'heading',
      'paragraph',
      'bulletList',
      'orderedList',
      'taskList',
      'taskItem',
      'table',
      'tableRow',
      'tableHeader',
      'tableCell',
      'blockquote',
      'codeBlock',
    ]) {
      expect(schema.nodes[node], node).toBeDefined();
    }
    for (const mark of ['bold', 'italic', 'strike', 'underline', 'code', 'link', 'commentThread']) {
      expect(schema.marks[mark], mark).toBeDefined();
    }
  });

  it('accepts a document with a table and a task list', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Actions' }] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableHeader', content: [{ type: 'paragraph' }] }],
            },
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }],
            },
          ],
        },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph' }] },
          ],
        },
      ],
    });
    expect(() => doc.check()).not.toThrow();
  });

  it('rejects content that does not fit the schema', () => {
    expect(() => schema.nodeFromJSON({ type: 'doc', content: [{ type: 'script' }] })).toThrow();
  });
});
