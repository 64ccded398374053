import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StoredDocumentState } from '../store/ports.js';
import { KeptDocuments } from './keptDocuments.js';
import { ydocToContent } from './yjsContent.js';

/** A document typed into by one writer: each paragraph is one log entry, as a room stores it. */
function typist() {
  const ydoc = new Y.Doc();
  const log: { seq: number; update: Uint8Array }[] = [];
  ydoc.on('update', (update: Uint8Array) => log.push({ seq: log.length + 1, update }));
  const type = (text: string) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    ydoc.getXmlFragment(FRAGMENT_NAME).push([paragraph]);
  };
  return { ydoc, log, type };
}

const textOf = (ydoc: Y.Doc) => ydocToContent(ydoc).text;

describe('KeptDocuments', () => {
  it('reads a growing document as a fresh rebuild would, applying only what is new', () => {
    const { log, type } = typist();
    const docs = new KeptDocuments({ documents: 8, bytes: 1 << 20 });
    const stored = (): StoredDocumentState => ({
      snapshot: null,
      snapshotSeq: 0,
      // Each entry's bytes are handed over as the store would: a new copy on every load.
      updates: log.map(({ seq, update }) => ({ seq, update: update.slice() })),
    });
    const read = (state: StoredDocumentState) => docs.read('doc-1', state, textOf);

    type('First measure');
    expect(read(stored())).toBe('First measure');
    const kept = docs.read('doc-1', stored(), (ydoc) => ydoc);
    type('Second measure');
    type('Third measure');
    expect(read(stored())).toBe('First measure\n\nSecond measure\n\nThird measure');
    // The same Y.Doc, grown: the first entries were not applied again.
    expect(docs.read('doc-1', stored(), (ydoc) => ydoc)).toBe(kept);
    expect(docs.size).toBe(1);
  });

  it('applies an entry that lands after one with a higher sequence (several processes)', () => {
    const { log, type } = typist();
    type('one');
    type('two');
    type('three');
    const docs = new KeptDocuments({ documents: 8, bytes: 1 << 20 });
    const [first, second, third] = log;
    // Entry 2 was numbered before entry 3 but is stored after it: a read sees 1 and 3 first.
    expect(
      docs.read('doc-1', { snapshot: null, snapshotSeq: 0, updates: [first!, third!] }, textOf),
    ).toBe('one');
    expect(
      docs.read(
        'doc-1',
        { snapshot: null, snapshotSeq: 0, updates: [first!, second!, third!] },
        textOf,
      ),
    ).toBe('one\n\ntwo\n\nthree');
  });

  it('rebuilds a document whose log was compacted into a new snapshot', () => {
    const { ydoc, log, type } = typist();
    const docs = new KeptDocuments({ documents: 8, bytes: 1 << 20 });
    type('kept');
    const before = docs.read('doc-1', { snapshot: null, snapshotSeq: 0, updates: log }, (d) => d);
    type('compacted');
    const snapshot = Y.encodeStateAsUpdate(ydoc);
    type('after');
    const compacted = { snapshot, snapshotSeq: 2, updates: log.slice(2) };
    expect(docs.read('doc-1', compacted, textOf)).toBe('kept\n\ncompacted\n\nafter');
    expect(docs.read('doc-1', compacted, (d) => d)).not.toBe(before);
  });

  it('keeps the documents read last, within a count and a size', () => {
    const docs = new KeptDocuments({ documents: 2, bytes: 1 << 20 });
    const states = ['a', 'b', 'c'].map((text) => {
      const { log, type } = typist();
      type(text);
      return { snapshot: null, snapshotSeq: 0, updates: log };
    });
    const readAll = () => states.map((state, i) => docs.read(`doc-${i}`, state, (d) => d));
    const first = readAll();
    expect(docs.size).toBe(2);
    const second = readAll();
    // Read in turn, three through room for two: each was rebuilt, none grew stale.
    second.forEach((doc, i) => expect(doc).not.toBe(first[i]));
    expect(second.map(textOf)).toEqual(['a', 'b', 'c']);

    const tiny = new KeptDocuments({ documents: 8, bytes: 10 });
    expect(tiny.read('doc-0', states[0]!, textOf)).toBe('a');
    expect(tiny.size).toBe(0);
  });

  it('drops a document an entry failed to apply to, and reads it afresh next time', () => {
    const { log, type } = typist();
    type('sound');
    const docs = new KeptDocuments({ documents: 8, bytes: 1 << 20 });
    const corrupt = { seq: 2, update: new Uint8Array([255, 255, 255, 255]) };
    expect(() =>
      docs.read('doc-1', { snapshot: null, snapshotSeq: 0, updates: [...log, corrupt] }, textOf),
    ).toThrow();
    expect(docs.size).toBe(0);
    expect(docs.read('doc-1', { snapshot: null, snapshotSeq: 0, updates: log }, textOf)).toBe(
      'sound',
    );
  });
});
