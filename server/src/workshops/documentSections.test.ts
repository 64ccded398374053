import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import { Transform } from '@tiptap/pm/transform';
import {
  initProseMirrorDoc,
  prosemirrorJSONToYDoc,
  relativePositionToAbsolutePosition,
  updateYFragment,
} from 'y-prosemirror';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { heading, paragraph } from '../content/templateContent.js';
import { documentSections, resolveSectionAnchor } from './documentSections.js';

/**
 * Section anchors against real Y.Docs edited as the editor edits them (y-prosemirror's binding),
 * by several replicas at once.
 */
const schema = buildSchema();

function replica(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

function sync(...docs: Y.Doc[]) {
  for (const from of docs) {
    for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  }
}

/** An edit as the editor's binding makes it: a ProseMirror transform written back into Yjs. */
function edit(doc: Y.Doc, change: (tr: Transform) => void) {
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  const { doc: node, meta } = initProseMirrorDoc(fragment, schema);
  const tr = new Transform(node);
  change(tr);
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta));
}

/** The position just inside the start of the n-th top-level block. */
function startOfBlock(tr: Transform, n: number): number {
  let pos = 0;
  for (let i = 0; i < n; i++) pos += tr.doc.child(i).nodeSize;
  return pos + 1;
}

function plan(): Y.Doc {
  return prosemirrorJSONToYDoc(
    schema,
    {
      type: 'doc',
      content: [
        heading(1, 'Joint strategic plan'),
        paragraph('Why we write it.'),
        heading(2, 'Priorities'),
        paragraph('Skills first.'),
        heading(2, 'Budget'),
      ],
    },
    FRAGMENT_NAME,
  );
}

describe('document sections', () => {
  it('lists the top-level headings in order, with level and plain text', () => {
    const doc = plan();
    const sections = documentSections(doc);
    expect(sections.map(({ level, heading: text }) => [level, text])).toEqual([
      [1, 'Joint strategic plan'],
      [2, 'Priorities'],
      [2, 'Budget'],
    ]);
    expect(new Set(sections.map((s) => s.anchor)).size).toBe(3);
    for (const s of sections) expect(s.anchor).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });

  it('keeps naming the same heading after concurrent inserts before it and edits inside it', () => {
    const server = plan();
    const anchor = documentSections(server)[1]!.anchor;
    const before = replica(server);
    const inside = replica(server);
    const retyped = replica(server);

    // One writer adds a heading and a paragraph above the section ...
    edit(before, (tr) => {
      tr.insert(0, schema.nodeFromJSON(heading(1, 'Foreword')));
      tr.insert(tr.doc.child(0).nodeSize, schema.nodeFromJSON(paragraph('Added above.')));
    });
    // ... another types at the very start of the heading, where the anchor is ...
    edit(inside, (tr) => tr.insert(startOfBlock(tr, 2), schema.text('Our ')));
    // ... and a third bolds a word in it.
    edit(retyped, (tr) => {
      const from = startOfBlock(tr, 2);
      tr.addMark(from, from + 'Priorities'.length, schema.marks.bold!.create());
    });
    sync(server, before, inside, retyped);

    for (const doc of [server, before, inside, retyped]) {
      expect(resolveSectionAnchor(doc, anchor)).toEqual({
        index: 2,
        level: 2,
        heading: 'Our Priorities',
      });
    }
    expect(documentSections(server)[2]!.heading).toBe('Our Priorities');

    // The editor's binding reads the same anchor as a position inside that heading.
    const fragment = server.getXmlFragment(FRAGMENT_NAME);
    const { doc: node, mapping } = initProseMirrorDoc(fragment, schema);
    const position = Y.decodeRelativePosition(Buffer.from(anchor, 'base64'));
    const pos = relativePositionToAbsolutePosition(server, fragment, position, mapping);
    expect(pos).not.toBeNull();
    expect(node.resolve(pos!).parent.type.name).toBe('heading');
    expect(node.resolve(pos!).parent.textContent).toBe('Our Priorities');
  });

  it('still names the heading when all its text is deleted and typed again', () => {
    const doc = plan();
    const anchor = documentSections(doc)[1]!.anchor;
    edit(doc, (tr) => {
      const from = startOfBlock(tr, 2);
      tr.delete(from, from + 'Priorities'.length);
    });
    expect(resolveSectionAnchor(doc, anchor)).toEqual({ index: 1, level: 2, heading: '' });
    edit(doc, (tr) => tr.insert(startOfBlock(tr, 2), schema.text('Aims')));
    expect(resolveSectionAnchor(doc, anchor)).toEqual({ index: 1, level: 2, heading: 'Aims' });
  });

  it('resolves to nothing once the heading is gone, or for an anchor of another document', () => {
    const doc = plan();
    const [title, priorities] = documentSections(doc);
    // Turned into a paragraph: the element is replaced, the section is no more.
    edit(doc, (tr) => {
      const pos = startOfBlock(tr, 2) - 1;
      tr.setNodeMarkup(pos, schema.nodes.paragraph!);
    });
    expect(resolveSectionAnchor(doc, priorities!.anchor)).toBeNull();
    edit(doc, (tr) => tr.delete(0, tr.doc.child(0).nodeSize));
    expect(resolveSectionAnchor(doc, title!.anchor)).toBeNull();
    expect(documentSections(doc).map((s) => s.heading)).toEqual(['Budget']);

    expect(resolveSectionAnchor(doc, documentSections(plan())[0]!.anchor)).toBeNull();
    expect(resolveSectionAnchor(doc, 'AAAA')).toBeNull();
    expect(resolveSectionAnchor(doc, '!!')).toBeNull();
  });
});
