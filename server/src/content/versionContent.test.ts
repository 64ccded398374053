import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorOn, markedText } from '../testing/anchors.js';
import { addThreadMark } from './commentAnchors.js';
import {
  captureState,
  contentHashOf,
  decodeVersionState,
  diffStates,
  restoreInto,
} from './versionContent.js';
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

function append(ydoc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  fragment.insert(fragment.length, [paragraph]);
}

function mark(ydoc: Y.Doc, threadId: string, text: string) {
  const { from, to } = anchorOn(ydoc, text);
  const anchor = { from: Buffer.from(from, 'base64'), to: Buffer.from(to, 'base64') };
  expect(addThreadMark(ydoc, threadId, anchor, 'server')).toEqual({ quote: text });
}

describe('version content', () => {
  it('hashes content, not history: typing and deleting again reads the same', () => {
    const a = docWith('One paragraph.');
    const before = captureState(a);
    append(a, 'Temporary');
    expect(contentHashOf(a)).not.toBe(before.contentHash);
    a.getXmlFragment(FRAGMENT_NAME).delete(1, 1);
    expect(contentHashOf(a)).toBe(before.contentHash);
    // …though the state vector moved on.
    expect(captureState(a).stateVector).not.toBe(before.stateVector);
    expect(ydocToContent(decodeVersionState(before.state)).text).toBe('One paragraph.');
  });

  it('restores a version as a new change on top, keeping anchors whose text survives', () => {
    const live = docWith('Regional funds support clusters.', 'Skills come first.');
    const version = decodeVersionState(captureState(live).state);
    // After the version: a thread on surviving text, a thread on text the restore removes,
    // and an edit.
    mark(live, 'kept', 'Regional funds');
    append(live, 'A paragraph written later.');
    mark(live, 'gone', 'written later');
    const history = Y.encodeStateVector(live);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));

    let update: Uint8Array | null = null;
    live.on('update', (u: Uint8Array) => (update = u));
    restoreInto(live, version, 'server');

    expect(ydocToContent(live).text).toBe(ydocToContent(version).text);
    expect(markedText(live, 'kept')).toBe('Regional funds');
    expect(markedText(live, 'gone')).toBe('');
    // One update on top of everything that was (nothing of the history is gone), which a peer
    // holding that history applies and converges with.
    const now = Y.decodeStateVector(Y.encodeStateVector(live));
    for (const [client, clock] of Y.decodeStateVector(history)) {
      expect(now.get(client)).toBeGreaterThanOrEqual(clock);
    }
    expect(update).not.toBeNull();
    Y.applyUpdate(peer, update!);
    expect(ydocToContent(peer).text).toBe(ydocToContent(version).text);
    expect(markedText(peer, 'kept')).toBe('Regional funds');
  });

  it('compares two states, leaving comment anchors out of the comparison', () => {
    const before = docWith('Cluster policy.');
    const after = docWith('Cluster policy.');
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    mark(after, 't', 'Cluster');
    append(after, 'New section.');
    const { json, stats } = diffStates(before, after);
    expect(stats).toEqual({ inserted: 1, deleted: 0, formatChanged: 0 });
    expect(JSON.stringify(json)).not.toContain('commentThread');
  });
});
