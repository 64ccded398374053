import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, describe, expect, it } from 'vitest';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { ContentReader } from './ContentReader.js';
import readStoredContent from './contentWorker.js';

const schema = buildSchema();
const paragraphs = Array.from({ length: 200 }, (_, i) => ({
  type: 'paragraph',
  content: [{ type: 'text', text: `Measure ${i}: regional cluster financing, ${'x'.repeat(200)}` }],
}));
const doc = prosemirrorJSONToYDoc(schema, { type: 'doc', content: paragraphs }, FRAGMENT_NAME);
const state = { snapshot: Y.encodeStateAsUpdate(doc), updates: [] as Uint8Array[] };

const everythingOffThread = new ContentReader(0);

/** The nice value of each of this process's threads (Linux), from /proc/self/task/<tid>/stat. */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // After the command name (in parentheses, may hold spaces): state is field 3, nice 19.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}
afterAll(() => everythingOffThread.close());

describe('ContentReader', () => {
  it('reads a large state in a worker thread, exactly as it reads inline', async () => {
    const inline = readStoredContent(state);
    const threaded = await everythingOffThread.read(state);
    expect(threaded).toEqual(inline);
    expect(threaded.text).toContain('Measure 199');
  });

  it('reads a mid-sized state inline when asked, in a thread for background work', async () => {
    // ~50 KB: under the inline limit of a read someone waits for, over that of background work.
    expect(state.snapshot.byteLength).toBeGreaterThan(16 * 1024);
    expect(state.snapshot.byteLength).toBeLessThan(256 * 1024);
    const reader = new ContentReader();
    try {
      expect((await reader.read(state)).text).toContain('Measure 199');
      expect(reader.usedThreads).toBe(false);
      const niceBefore = existsSync('/proc/self/task') ? threadNiceValues() : [];
      expect(niceBefore.filter((nice) => nice === 19)).toEqual([]);
      expect(await reader.read(state, { background: true })).toEqual(readStoredContent(state));
      expect(reader.usedThreads).toBe(true);
      // The background thread yields to the event loop: it runs at the lowest priority.
      if (niceBefore.length > 0) expect(threadNiceValues()).toContain(19);
    } finally {
      await reader.close();
    }
  });

  it('reports what the schema could not read from the thread, too', async () => {
    const damaged = new Y.Doc();
    Y.applyUpdate(damaged, state.snapshot);
    damaged.getXmlFragment(FRAGMENT_NAME).insert(0, [new Y.XmlElement('script')]);
    const read = await everythingOffThread.read({
      snapshot: Y.encodeStateAsUpdate(damaged),
      updates: [],
    });
    expect(read.damage).toEqual([
      { where: '/script[0]', violation: 'an unknown element "script"' },
    ]);
    expect(read.text).toContain('Measure 0');
  });
});

describe('ContentReader.readGrowing', () => {
  it('reads a growing document off the thread as a fresh read of its stored state would', async () => {
    const growing = new Y.Doc();
    Y.applyUpdate(growing, state.snapshot);
    const updates: { seq: number; update: Uint8Array }[] = [];
    growing.on('update', (update: Uint8Array) => updates.push({ seq: updates.length + 1, update }));
    const stored = () => ({ snapshot: state.snapshot, snapshotSeq: 0, updates: [...updates] });
    const fresh = () =>
      readStoredContent({ snapshot: state.snapshot, updates: updates.map((u) => u.update) });
    const reader = new ContentReader();
    try {
      expect(await reader.readGrowing('doc-1', stored())).toEqual(fresh());
      expect(reader.usedThreads).toBe(true);
      for (const measure of ['Pilot 1: voucher scheme', 'Pilot 2: cluster academy']) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(measure)]);
        growing.getXmlFragment(FRAGMENT_NAME).insert(1, [paragraph]);
        const read = await reader.readGrowing('doc-1', stored());
        expect(read).toEqual(fresh());
        expect(read.text).toContain(measure);
      }
    } finally {
      await reader.close();
    }
  });
});

describe('ContentReader.readOpen', () => {
  const shortParagraphs = (count: number) =>
    prosemirrorJSONToYDoc(
      schema,
      {
        type: 'doc',
        content: Array.from({ length: count }, (_, i) => ({
          type: 'paragraph',
          content: [{ type: 'text', text: `p${i}` }],
        })),
      },
      FRAGMENT_NAME,
    );
  const storedRead = (ydoc: Y.Doc) =>
    readStoredContent({ snapshot: Y.encodeStateAsUpdate(ydoc), updates: [] });

  it('reads an open document as a read of its stored state would', () => {
    const reader = new ContentReader();
    expect(reader.readOpen(doc)).toEqual(storedRead(doc));
    const damaged = new Y.Doc();
    Y.applyUpdate(damaged, state.snapshot);
    damaged.getXmlFragment(FRAGMENT_NAME).insert(0, [new Y.XmlElement('script')]);
    const read = reader.readOpen(damaged)!;
    expect(read).toEqual(storedRead(damaged));
    expect(read.damage).toEqual([
      { where: '/script[0]', violation: 'an unknown element "script"' },
    ]);
  });

  it('leaves a document of more structs than the limit to the store', () => {
    const reader = new ContentReader();
    // Three structs a paragraph (its element, its text, the characters): 300 are within the
    // limit, 400 over it.
    expect(reader.readOpen(shortParagraphs(300))?.text).toContain('p299');
    expect(reader.readOpen(shortParagraphs(400))).toBeNull();
    // Whatever their size in bytes: the limit counts what a walk visits.
    expect(new ContentReader(undefined, undefined, 10).readOpen(shortParagraphs(10))).toBeNull();
  });
});
