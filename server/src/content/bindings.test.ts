import { createRequire } from 'node:module';
import { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { DOCUMENT_KINDS, LANGUAGES } from '@polisee/domain';
import {
  buildSchema,
  FRAGMENT_NAME,
  newAssessmentMatrix,
  newForesightBoard,
  newPilotIndicators,
  type JSONContent,
} from '@polisee/editor-schema';
import * as tiptapBinding from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as serverBinding from 'y-prosemirror';
import * as Y from 'yjs';
import { TEMPLATES } from '../templates/catalog.js';
import { templateToContent } from './templateContent.js';

/*
 * The server writes and reads documents with y-prosemirror; the editor in the browser binds
 * with @tiptap/y-tiptap (a fork of it). Both must encode ProseMirror content the same way, or
 * a document written by one reads differently in the other. See docs/decisions (one binding on
 * each side). This suite is the guard when either package is upgraded.
 */

const schema = buildSchema();

/** The functions both packages export under the same names, as the code here calls them. */
interface Binding {
  prosemirrorJSONToYDoc(schema: unknown, state: unknown, xmlFragment?: string): Y.Doc;
  yXmlFragmentToProsemirrorJSON(fragment: Y.XmlFragment): Record<string, unknown>;
  initProseMirrorDoc(
    fragment: Y.XmlFragment,
    schema: unknown,
  ): { doc: PMNode; meta: { mapping: Map<unknown, unknown>; isOMark: Map<unknown, unknown> } };
  updateYFragment(y: Y.Doc, fragment: Y.XmlFragment, node: PMNode, meta: unknown): void;
}

const SERVER = serverBinding as unknown as Binding;
const CLIENT = tiptapBinding as unknown as Binding;
const BINDINGS = { 'y-prosemirror (server)': SERVER, '@tiptap/y-tiptap (client)': CLIENT };
const PAIRS = Object.entries(BINDINGS).flatMap(([writerName, writer]) =>
  Object.entries(BINDINGS).map(([readerName, reader]) => ({
    writerName,
    writer,
    readerName,
    reader,
  })),
);

/** Writes the JSON with one binding and hands back a fresh Y.Doc built from the bytes only. */
function write(binding: Binding, json: JSONContent): Y.Doc {
  return fromBytes(binding.prosemirrorJSONToYDoc(schema, json, FRAGMENT_NAME));
}

function fromBytes(source: Y.Doc): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(source));
  return ydoc;
}

/** The content as ProseMirror fills it in (defaults, mark order): what "identical" compares. */
function normalise(json: unknown): unknown {
  return PMNode.fromJSON(schema, json).toJSON();
}

/**
 * What is stored, independent of Yjs ids: element names with their attributes, and text as a
 * delta whose formatting attributes are the marks (overlapping marks under `name--hash`).
 */
type Stored =
  { element: string; attributes: Record<string, unknown>; children: Stored[] } | { text: unknown };
function stored(node: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook): Stored[] {
  if (node instanceof Y.XmlText) return [{ text: node.toDelta() }];
  const children = (node as Y.XmlFragment).toArray().flatMap((child) => stored(child));
  if (node instanceof Y.XmlElement) {
    return [{ element: node.nodeName, attributes: node.getAttributes(), children }];
  }
  return children;
}
const storedDoc = (ydoc: Y.Doc) => stored(ydoc.getXmlFragment(FRAGMENT_NAME));

const text = (value: string, ...marks: JSONContent['marks'] & object) =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const thread = (threadId: string) => ({ type: 'commentThread', attrs: { threadId } });
const para = (...content: JSONContent[]): JSONContent =>
  content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
const cell = (
  type: 'tableHeader' | 'tableCell',
  value: string,
  attrs: Record<string, unknown> = {},
): JSONContent => ({ type, attrs, content: [para(text(value))] });

/** Every node and mark of the shared schema, with non-default and null attributes. */
const EVERYTHING: JSONContent = {
  type: 'doc',
  content: [
    ...[1, 2, 3, 4].map((level) => ({
      type: 'heading',
      attrs: { level },
      content: [text(`Heading ${level}`)],
    })),
    para(
      text('bold', { type: 'bold' }),
      text(' italic', { type: 'italic' }),
      text(' strike', { type: 'strike' }),
      text(' underline', { type: 'underline' }),
      text(
        ' all four',
        { type: 'bold' },
        { type: 'italic' },
        { type: 'strike' },
        { type: 'underline' },
      ),
      text(' code', { type: 'code' }),
      text(' link', {
        type: 'link',
        attrs: { href: 'https://example.org/plan?a=1', target: null, title: 'The plan' },
      }),
      text(
        ' bold link',
        { type: 'bold' },
        { type: 'link', attrs: { href: 'mailto:a@example.org' } },
      ),
    ),
    // Two threads over "b", one each over "a" and "c": the overlapping-mark encoding.
    para(
      text('a', thread('t-one')),
      text('b', thread('t-one'), thread('t-two'), { type: 'bold' }),
      text('c', thread('t-two')),
      { type: 'hardBreak' },
      text('after a break'),
    ),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [para(text('first'))] },
        {
          type: 'listItem',
          content: [
            para(text('second')),
            {
              type: 'bulletList',
              content: [{ type: 'listItem', content: [para(text('nested'))] }],
            },
          ],
        },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [para(text('third'))] }],
    },
    {
      type: 'taskList',
      content: [
        { type: 'taskItem', attrs: { checked: true }, content: [para(text('done'))] },
        {
          type: 'taskItem',
          attrs: { checked: false },
          content: [
            para(text('open')),
            {
              type: 'taskList',
              content: [{ type: 'taskItem', attrs: { checked: true }, content: [para()] }],
            },
          ],
        },
      ],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            cell('tableHeader', 'Measure', { colwidth: [180] }),
            cell('tableHeader', 'Owner and date', { colspan: 2, colwidth: [120, 90] }),
          ],
        },
        {
          type: 'tableRow',
          content: [
            cell('tableCell', 'Cluster fund', { align: 'center' }),
            cell('tableCell', 'Region'),
            cell('tableCell', '2027', { colwidth: null }),
          ],
        },
      ],
    },
    {
      type: 'codeBlock',
      attrs: { language: 'typescript' },
      content: [text('const a = 1;\nconst b = 2;')],
    },
    { type: 'codeBlock', attrs: { language: null }, content: [text('plain')] },
    { type: 'blockquote', content: [para(text('quoted', { type: 'italic' }))] },
    { type: 'horizontalRule' },
    // Suggestion marks (decision 0056); a modification only ever sits on text here.
    para(
      text('old', { type: 'deletion', attrs: { id: 's-1', authorId: 'u-1' } }),
      text('new', { type: 'insertion', attrs: { id: 's-1', authorId: 'u-1' } }),
      text(' level', {
        type: 'modification',
        attrs: {
          id: 's-2',
          authorId: 'u-2',
          type: 'attr',
          attrName: 'level',
          previousValue: 2,
          newValue: 3,
        },
      }),
    ),
    para(),
    newAssessmentMatrix({
      title: 'Assessment',
      criteria: [{ dac: 'relevance' }, { label: 'Feasibility' }],
      rows: [{ label: 'Cluster financing', priority: 'financing' }],
    }),
    newForesightBoard({
      drivers: [{ category: 'economic', label: 'Energy prices', impact: 4, uncertainty: 2 }],
      wildcards: ['Pandemic'],
    }),
    newPilotIndicators({ indicators: [{ name: 'Jobs', unit: 'FTE', baseline: 1.5, target: 10 }] }),
  ],
};

const TEMPLATE_DOCUMENTS = DOCUMENT_KINDS.flatMap((kind) =>
  LANGUAGES.map((language) => ({
    name: `${kind} (${language})`,
    json: templateToContent(`${kind} ${language}`, TEMPLATES[kind][language]),
  })),
);
const DOCUMENTS = [{ name: 'every node and mark', json: EVERYTHING }, ...TEMPLATE_DOCUMENTS];

describe('the two ProseMirror bindings', () => {
  it('the fixture really holds every node and mark of the shared schema', () => {
    const node = PMNode.fromJSON(schema, EVERYTHING);
    node.check();
    const nodes = new Set<string>(['doc']);
    const marks = new Set<string>();
    node.descendants((child) => {
      nodes.add(child.type.name);
      for (const mark of child.marks) marks.add(mark.type.name);
    });
    expect([...nodes].sort()).toEqual(Object.keys(schema.nodes).sort());
    expect([...marks].sort()).toEqual(Object.keys(schema.marks).sort());
  });

  it('tests the very copy of @tiptap/y-tiptap that the editor runs', () => {
    // The server declares it only for this test: if npm ever installed a second copy for the
    // client (a version bump on one side only), this suite would compare the wrong package.
    const fromServer = createRequire(import.meta.url).resolve('@tiptap/y-tiptap');
    const client = createRequire(new URL('../../../client/package.json', import.meta.url));
    const fromEditor = createRequire(client.resolve('@tiptap/extension-collaboration'));
    expect(client.resolve('@tiptap/y-tiptap')).toBe(fromServer);
    expect(fromEditor.resolve('@tiptap/y-tiptap')).toBe(fromServer);
  });

  it('covers every kind in every language', () => {
    expect(TEMPLATE_DOCUMENTS).toHaveLength(DOCUMENT_KINDS.length * LANGUAGES.length);
  });

  describe.each(DOCUMENTS)('$name', ({ json }) => {
    it('is stored as the same Yjs elements, attributes and text by both', () => {
      expect(storedDoc(write(CLIENT, json))).toEqual(storedDoc(write(SERVER, json)));
    });

    it.each(PAIRS)('written by $writerName reads back identically in $readerName', (pair) => {
      const ydoc = write(pair.writer, json);
      const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
      // The JSON reader (the server's ydocToContent) and the node reader (the editor's
      // first render, the server's comment anchoring) must both give the content back.
      const viaJSON = pair.reader.yXmlFragmentToProsemirrorJSON(fragment);
      expect(viaJSON).toEqual(pair.writer.yXmlFragmentToProsemirrorJSON(fragment));
      expect(normalise(viaJSON)).toEqual(normalise(json));
      expect(pair.reader.initProseMirrorDoc(fragment, schema).doc.toJSON()).toEqual(
        normalise(json),
      );
    });
  });

  it('both store overlapping comment threads under the same hashed keys, and drop null attributes', () => {
    for (const binding of Object.values(BINDINGS)) {
      const formats = storedDoc(write(binding, EVERYTHING)).flatMap(function keys(s): string[] {
        if ('text' in s) {
          return (s.text as { attributes?: object }[]).flatMap((op) =>
            Object.keys(op.attributes ?? {}),
          );
        }
        return s.children.flatMap(keys);
      });
      expect(formats.filter((key) => key.startsWith('commentThread'))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^commentThread--[A-Za-z0-9+/=]{8}$/)]),
      );
      expect(formats).not.toContain('commentThread');
      const codeBlocks = storedDoc(write(binding, EVERYTHING)).filter(
        (s) => 'element' in s && s.element === 'codeBlock',
      );
      expect(codeBlocks.map((s) => 'element' in s && s.attributes)).toEqual([
        { language: 'typescript' },
        {},
      ]);
    }
  });
});

describe('edits made by one binding, read by the other', () => {
  /** Applies an edit the way the live binding does: diff the new PM doc into the fragment. */
  function edit(binding: Binding, ydoc: Y.Doc, change: (doc: PMNode) => PMNode): PMNode {
    const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
    const { doc, meta } = binding.initProseMirrorDoc(fragment, schema);
    const changed = change(doc);
    ydoc.transact(() => binding.updateYFragment(ydoc, fragment, changed, meta));
    return changed;
  }

  /** What the editor typically does: retype, reorder blocks, flip attributes, remove a null. */
  const editorChange = (doc: PMNode) => {
    const tr = new Transform(doc);
    const first = doc.child(0);
    tr.delete(0, first.nodeSize).insert(doc.child(1).nodeSize - first.nodeSize, first);
    tr.doc.descendants((node, pos) => {
      if (node.type.name === 'taskItem') tr.setNodeAttribute(pos, 'checked', !node.attrs.checked);
      if (node.type.name === 'codeBlock') tr.setNodeAttribute(pos, 'language', null);
      if (node.type.name === 'heading' && node.attrs.level === 4) {
        tr.setNodeAttribute(pos, 'level', 3);
      }
    });
    tr.insert(1, schema.text('Edited: '));
    tr.removeMark(0, tr.doc.content.size, schema.marks.underline);
    return tr.doc;
  };

  /** What the server does when a thread starts: one more, overlapping commentThread mark. */
  const serverChange = (doc: PMNode) => {
    let from = 0;
    doc.descendants((node, pos) => {
      if (node.isText && node.text === 'b') from = pos;
    });
    return new Transform(doc).addMark(
      from - 1,
      from + 2,
      schema.marks.commentThread!.create({ threadId: 't-three' }),
    ).doc;
  };

  it.each([
    { by: 'the editor (y-tiptap)', editor: CLIENT, reader: SERVER, change: editorChange },
    { by: 'the server (y-prosemirror)', editor: SERVER, reader: CLIENT, change: serverChange },
  ])('an edit by $by reads the same in the other binding', ({ editor, reader, change }) => {
    const ydoc = write(reader, EVERYTHING);
    const expected = edit(editor, ydoc, change).toJSON();
    const received = fromBytes(ydoc);
    const fragment = received.getXmlFragment(FRAGMENT_NAME);
    expect(normalise(reader.yXmlFragmentToProsemirrorJSON(fragment))).toEqual(expected);
    expect(reader.initProseMirrorDoc(fragment, schema).doc.toJSON()).toEqual(expected);
    // An incremental edit leaves what a fresh write of the result would have stored.
    expect(storedDoc(received)).toEqual(storedDoc(write(reader, expected)));
  });
});
