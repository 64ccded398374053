import { describe, expect, it } from 'vitest';
import { buildDiffSchema, buildSchema, DIFF_NODE_TYPES } from './index.js';

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

describe('diff schema', () => {
  const shared = buildSchema();
  const diff = buildDiffSchema();

  it('keeps the diff marks and the diff attribute out of documents', () => {
    for (const mark of ['diffInsert', 'diffDelete', 'diffFormat']) {
      expect(shared.marks[mark], mark).toBeUndefined();
      expect(diff.marks[mark], mark).toBeDefined();
    }
    for (const node of Object.values(shared.nodes)) {
      expect(node.spec.attrs?.diff, node.name).toBeUndefined();
    }
  });

  it('gives every node but doc and text the diff attribute', () => {
    const missing = Object.values(diff.nodes)
      .filter((n) => n.name !== 'doc' && n.name !== 'text')
      .filter((n) => !('diff' in (n.spec.attrs ?? {})))
      .map((n) => n.name);
    expect(missing).toEqual([]);
    expect([...DIFF_NODE_TYPES].sort()).toEqual(
      Object.keys(diff.nodes)
        .filter((n) => n !== 'doc' && n !== 'text')
        .sort(),
    );
  });

  it('reads a marked comparison back', () => {
    const doc = diff.nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'kept ' },
            { type: 'text', text: 'new', marks: [{ type: 'diffInsert' }] },
            { type: 'text', text: 'old', marks: [{ type: 'diffDelete' }] },
            {
              type: 'text',
              text: 'bold',
              marks: [{ type: 'bold' }, { type: 'diffFormat', attrs: { added: ['bold'] } }],
            },
          ],
        },
        { type: 'horizontalRule', attrs: { diff: 'insert' } },
      ],
    });
    expect(() => doc.check()).not.toThrow();
    expect(() => shared.nodeFromJSON(doc.toJSON()).check()).toThrow();
  });
});
