import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import { describe, expect, it } from 'vitest';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { anchorOn, markedText } from '../testing/anchors.js';
import { addThreadMark, anchoredThreadIds } from './commentAnchors.js';
import { encodeInitialState, ydocToContent } from './yjsContent.js';

function docWith(...paragraphs: string[]) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(
    ydoc,
    encodeInitialState({
      type: 'doc',
      content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    }),
  );
  return ydoc;
}

/** The client's selection as the bytes the server decodes. */
function anchorB(ydoc: Y.Doc, text: string) {
  const { from, to } = anchorOn(ydoc, text);
  return { from: Buffer.from(from, 'base64'), to: Buffer.from(to, 'base64') };
}

const schema = buildSchema();

describe('comment anchors', () => {
  it('marks the selected text, quotes it, and follows it through concurrent edits', () => {
    const server = docWith('Cluster financing needs regional funds.', 'Second paragraph.');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const anchor = anchorB(client, 'regional funds');

    // Someone else types before the selection while the request travels.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const firstText = other.getXmlFragment(FRAGMENT_NAME).get(0) as Y.XmlElement;
    (firstText.get(0) as Y.XmlText).insert(0, 'Urgent: ');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));

    const result = addThreadMark(server, 't1', anchor, 'server');
    expect(result).toEqual({ quote: 'regional funds' });
    expect(markedText(server, 't1')).toBe('regional funds');
    expect(anchoredThreadIds(server)).toEqual(new Set(['t1']));
    expect(ydocToContent(server).text).toContain('Urgent: Cluster financing needs regional funds.');

    // More text before the anchor: the mark still covers the same words.
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    ((other.getXmlFragment(FRAGMENT_NAME).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(
      0,
      'Note. ',
    );
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
    expect(markedText(server, 't1')).toBe('regional funds');
  });

  it('lets threads overlap, spans paragraphs, and reports a thread orphaned once its text is gone', () => {
    const ydoc = docWith('Alpha beta gamma.', 'Delta epsilon.');
    addThreadMark(ydoc, 'a', anchorB(ydoc, 'beta gamma'), null);
    addThreadMark(ydoc, 'b', anchorB(ydoc, 'gamma'), null);
    expect(markedText(ydoc, 'a')).toBe('beta gamma');
    expect(markedText(ydoc, 'b')).toBe('gamma');

    const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
    const { doc, mapping } = initProseMirrorDoc(fragment, schema);
    const end = doc.content.size - 1;
    const rel = (pos: number) =>
      Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping));
    const spanning = addThreadMark(ydoc, 'c', { from: rel(7), to: rel(end - 2) }, null);
    expect(spanning).toEqual({ quote: 'beta gamma.\nDelta epsilo' });

    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(0, text.length);
    expect(anchoredThreadIds(ydoc)).toEqual(new Set(['c']));
  });

  it('refuses garbage, empty selections and positions the server has not seen', () => {
    const ydoc = docWith('Some text.');
    expect(
      addThreadMark(
        ydoc,
        'x',
        { from: new Uint8Array([255, 255, 255]), to: new Uint8Array([1]) },
        null,
      ),
    ).toEqual({ failure: 'invalid_position' });
    const same = anchorB(ydoc, 'Some');
    expect(addThreadMark(ydoc, 'x', { from: same.from, to: same.from }, null)).toEqual({
      failure: 'empty_selection',
    });
    const ahead = docWith('Other doc.');
    ((ahead.getXmlFragment(FRAGMENT_NAME).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(
      0,
      'new ',
    );
    expect(addThreadMark(ydoc, 'x', anchorB(ahead, 'new'), null)).toEqual({
      failure: 'not_synced',
    });
    expect(anchoredThreadIds(ydoc).size).toBe(0);
  });
});
