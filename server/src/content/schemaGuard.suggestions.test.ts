import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { buildSchema, FRAGMENT_NAME, stampSuggestionAuthor } from '@polisee/editor-schema';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import {
  initProseMirrorDoc,
  prosemirrorJSONToYDoc,
  updateYFragment,
  yXmlFragmentToProsemirrorJSON,
} from 'y-prosemirror';
import * as Y from 'yjs';
import { SchemaGuard } from './schemaGuard.js';

const schema = buildSchema();
const guard = new SchemaGuard(schema);
const start = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Clusters grow together.' }] }],
};

let counter = 0;
const newId = () => `suggestion-${++counter}`;

/**
 * A client bound to the server's document, making a change in suggestion mode: the library's
 * transform (then `finish`, which stamps the author in the editor) on the ProseMirror state read
 * from the Y.Doc, written back the way the editor binding writes it. Returns what it would send.
 */
function suggestOnline(change: (tr: Transaction) => void, finish = (tr: Transaction) => tr) {
  const server = prosemirrorJSONToYDoc(schema, start, FRAGMENT_NAME);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const fragment = client.getXmlFragment(FRAGMENT_NAME);
  const { doc, meta } = initProseMirrorDoc(fragment, schema);
  const state = EditorState.create({ schema, doc });
  const tr = state.tr;
  change(tr);
  const next = state.apply(finish(transformToSuggestionTransaction(tr, state, newId)));
  client.transact(() => updateYFragment(client, fragment, next.doc, meta));
  const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
  return { server, update };
}

const stamped = (tr: Transaction) => stampSuggestionAuthor(tr, 'user-a');
const marksOf = (server: Y.Doc) =>
  (
    yXmlFragmentToProsemirrorJSON(server.getXmlFragment(FRAGMENT_NAME)).content[0].content as {
      text: string;
      marks?: { type: string; attrs: Record<string, unknown> }[];
    }[]
  ).flatMap((run) => (run.marks ?? []).map((mark) => [run.text, mark.type, mark.attrs.authorId]));

describe('SchemaGuard and suggestions', () => {
  it('accepts a suggested insertion and deletion, which read back with their marks', () => {
    const { server, update } = suggestOnline((tr) => {
      tr.delete(10, 15); // "grow "
      tr.insertText('tightly ', 10);
    }, stamped);
    expect(guard.check(server, Y.decodeUpdate(update))).toBeNull();
    Y.applyUpdate(server, update);
    expect(server.getXmlFragment(FRAGMENT_NAME).toString()).toContain('Clusters ');
    expect(marksOf(server)).toEqual([
      ['grow ', 'deletion', 'user-a'],
      ['tightly ', 'insertion', 'user-a'],
    ]);
  });

  it('accepts a suggested formatting change (old text deleted, bold text inserted)', () => {
    const { server, update } = suggestOnline(
      (tr) => tr.addMark(1, 9, schema.marks.bold!.create()),
      stamped,
    );
    expect(guard.check(server, Y.decodeUpdate(update))).toBeNull();
    Y.applyUpdate(server, update);
    expect(marksOf(server)).toEqual([
      ['Clusters', 'deletion', 'user-a'],
      ['Clusters', 'bold', undefined],
      ['Clusters', 'insertion', 'user-a'],
    ]);
  });

  it('refuses a suggestion without its author: the library alone does not stamp one', () => {
    const { server, update } = suggestOnline((tr) => tr.insertText(' Now.', 24));
    expect(guard.check(server, Y.decodeUpdate(update))).toMatch(/insertion.authorId/);
  });

  it('refuses malformed suggestion marks', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ id: 7, authorId: 'user-a' }, 'insertion', /insertion.id/],
      [{ id: 'a b', authorId: 'user-a' }, 'deletion', /deletion.id/],
      [{ id: 's-1', authorId: 'user-a', by: 'org-1' }, 'insertion', /unknown attribute "by"/],
      [
        {
          id: 's-1',
          authorId: 'user-a',
          type: 'mark',
          attrName: null,
          previousValue: null,
          newValue: { type: 'link', attrs: { href: 'javascript:alert(1)' } },
        },
        'modification',
        /modification.newValue/,
      ],
    ];
    for (const [attrs, mark, expected] of cases) {
      const server = prosemirrorJSONToYDoc(schema, start, FRAGMENT_NAME);
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      const text = (client.getXmlFragment(FRAGMENT_NAME).get(0) as Y.XmlElement).get(
        0,
      ) as Y.XmlText;
      text.format(0, 8, { [mark]: attrs });
      const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
      expect(guard.check(server, Y.decodeUpdate(update)), JSON.stringify(attrs)).toMatch(expected);
    }
  });
});
