import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { SchemaGuard } from './schemaGuard.js';

const schema = buildSchema();
const guard = new SchemaGuard(schema);

const start = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Vision' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Clusters grow together.' }] },
  ],
};

/** A server document and a client that has synced it. */
function pair() {
  const server = prosemirrorJSONToYDoc(schema, start, FRAGMENT_NAME);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What the client would send after `change`: everything the server lacks. */
function changeOf(server: Y.Doc, client: Y.Doc, change: (doc: Y.Doc) => void) {
  change(client);
  return Y.decodeUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
}

/** An edit made the way the editor binding makes it: new ProseMirror content, written to Yjs. */
function editAs(json: object) {
  return (doc: Y.Doc) => {
    const fragment = doc.getXmlFragment(FRAGMENT_NAME);
    const { meta } = initProseMirrorDoc(fragment, schema);
    doc.transact(() => updateYFragment(doc, fragment, PMNode.fromJSON(schema, json), meta));
  };
}

const firstText = (doc: Y.Doc) =>
  (doc.getXmlFragment(FRAGMENT_NAME).get(1) as Y.XmlElement).get(0) as Y.XmlText;

describe('SchemaGuard', () => {
  it('accepts what the editor writes: new blocks, typing inside text, marks, attributes', () => {
    const { server, client } = pair();
    const edited = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Vision 2030' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Clusters ' },
            {
              type: 'text',
              text: 'grow',
              marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'bold' }],
            },
            { type: 'text', text: ' together.' },
          ],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }],
            },
          ],
        },
        {
          type: 'taskList',
          content: [
            {
              type: 'taskItem',
              attrs: { checked: true },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Done' }] }],
            },
          ],
        },
      ],
    };
    expect(guard.check(server, changeOf(server, client, editAs(edited)))).toBeNull();
  });

  it('accepts characters typed in the middle of existing text (placed by their neighbours)', () => {
    const { server, client } = pair();
    const update = changeOf(server, client, (doc) => firstText(doc).insert(8, ' and regions'));
    expect(guard.check(server, update)).toBeNull();
  });

  it('accepts deletions', () => {
    const { server, client } = pair();
    const update = changeOf(server, client, (doc) => firstText(doc).delete(0, 5));
    expect(guard.check(server, update)).toBeNull();
  });

  it('refuses a foreign root type, even one named like the fragment', () => {
    const { server, client } = pair();
    const array = new Y.Doc();
    array.getArray(FRAGMENT_NAME).insert(0, [1, 2]);
    expect(guard.check(server, Y.decodeUpdate(Y.encodeStateAsUpdate(array)))).toMatch(
      /value where an element belongs/,
    );
    const map = changeOf(server, client, (doc) => doc.getMap('settings').set('x', 1));
    expect(guard.check(server, map)).toMatch(/foreign root type/);
  });

  it('refuses an element the schema does not know, at the root or nested', () => {
    const { server, client } = pair();
    const atRoot = changeOf(server, client, (doc) =>
      doc.getXmlFragment(FRAGMENT_NAME).insert(0, [new Y.XmlElement('script')]),
    );
    expect(guard.check(server, atRoot)).toMatch(/unknown element "script"/);
    const nested = pair();
    const inside = changeOf(nested.server, nested.client, (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(1) as Y.XmlElement).insert(0, [
        new Y.XmlElement('iframe'),
      ]),
    );
    expect(guard.check(nested.server, inside)).toMatch(/unknown element "iframe"/);
  });

  it('refuses shared types the editor never writes inside the document', () => {
    const { server, client } = pair();
    const update = changeOf(server, client, (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(1) as Y.XmlElement).insert(0, [
        new Y.XmlHook('x') as never,
      ]),
    );
    expect(guard.check(server, update)).toMatch(/foreign shared type/);
  });

  it('refuses attribute values outside their allowed values', () => {
    const { server, client } = pair();
    const heading = changeOf(server, client, (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(0) as Y.XmlElement).setAttribute(
        'level',
        'onmouseover=alert(1)' as never,
      ),
    );
    expect(guard.check(server, heading)).toMatch(/heading.level outside its allowed values/);

    const other = pair();
    const unknown = changeOf(other.server, other.client, (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(1) as Y.XmlElement).setAttribute(
        'onclick',
        'alert(1)' as never,
      ),
    );
    expect(guard.check(other.server, unknown)).toMatch(/unknown attribute "onclick"/);
  });

  it('refuses a javascript: link and an unknown mark, inside existing text', () => {
    const { server, client } = pair();
    const link = changeOf(server, client, (doc) =>
      firstText(doc).format(0, 8, { link: { href: 'javascript:alert(document.domain)' } }),
    );
    expect(guard.check(server, link)).toMatch(/link.href outside its allowed values/);
    const tabbed = pair();
    const hidden = changeOf(tabbed.server, tabbed.client, (doc) =>
      firstText(doc).format(0, 8, { link: { href: 'https://x.org/\tjavascript:' } }),
    );
    expect(guard.check(tabbed.server, hidden)).toMatch(/link.href/);
    const marked = pair();
    const blink = changeOf(marked.server, marked.client, (doc) =>
      firstText(doc).format(0, 8, { blink: {} }),
    );
    expect(guard.check(marked.server, blink)).toMatch(/unknown mark "blink"/);
  });

  it('lets an update build on content the server does not have yet, if its content is valid', () => {
    const { server, client } = pair();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    firstText(other).insert(0, 'unseen ');
    Y.applyUpdate(client, Y.encodeStateAsUpdate(other));
    // Only the client's own typing after it, not the part it got elsewhere.
    const before = Y.encodeStateVector(client);
    firstText(client).insert(7, 'x');
    const update = Y.decodeUpdate(Y.encodeStateAsUpdate(client, before));
    expect(guard.check(server, update)).toBeNull();
    // Pending on what the server lacks, but no valid document holds a foreign shared type.
    const hook = Y.decodeUpdate(Y.encodeStateAsUpdate(client, before));
    const struct = hook.structs.find((s): s is Y.Item => s instanceof Y.Item)!;
    struct.content = new Y.ContentType(new Y.XmlHook('x') as never);
    expect(guard.check(server, hook)).toMatch(/foreign shared type/);
  });

  it('judges a batch in order: an update may build on the one applied before it', () => {
    const { server, client } = pair();
    const first = changeOf(server, client, (doc) => firstText(doc).insert(0, 'New: '));
    const firstBytes = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(guard.check(server, first)).toBeNull();
    Y.applyUpdate(server, firstBytes);
    const second = changeOf(server, client, (doc) => firstText(doc).insert(2, 'w'));
    expect(guard.check(server, second)).toBeNull();
  });
});
