import { FRAGMENT_NAME } from '@polisee/editor-schema';
import * as Y from 'yjs';
import { seededRandom } from './util.js';

/**
 * A long editing history made the way people type: one character per transaction, at a cursor
 * that mostly moves forward, with backspaces, new paragraphs and jumps elsewhere, over many
 * editing sessions (each a new Yjs client id, as each browser tab is). Deterministic per seed.
 */
export interface History {
  /** Single-character inserts and deletes (paragraph breaks are counted apart). */
  edits: number;
  paragraphs: number;
  clients: number;
  /** The history as merged updates of `chunkEdits` transactions each, in order. */
  chunks: Uint8Array[];
  /** Everything as one update, to build the expected state. */
  state: Uint8Array;
}

const LETTERS = 'eeeeeeettttaaaaooooiiiinnnnsssshhhrrrdddllluucmwfgypbvkjxqz      ,.';

export function generateHistory(
  edits: number,
  options: { seed?: number; chunkEdits?: number } = {},
) {
  const random = seededRandom(options.seed ?? 7);
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));

  const texts: Y.XmlText[] = [];
  const addParagraph = (at: number) => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(at, [paragraph]);
    texts.splice(at, 0, text);
    return text;
  };

  const sessionEdits = 5000;
  const clients = new Set<number>();
  let current = addParagraph(0);
  let at = 0;
  let cursor = 0;
  let made = 0;
  while (made < edits) {
    if (made % sessionEdits === 0) {
      doc.clientID = Math.floor(random() * 2 ** 31);
      clients.add(doc.clientID);
    }
    const r = random();
    if (r < 0.015 && cursor > 0) {
      at += 1;
      current = addParagraph(at);
      cursor = 0;
      continue;
    }
    if (r < 0.025) {
      at = Math.floor(random() * texts.length);
      current = texts[at]!;
      cursor = Math.floor(random() * (current.length + 1));
      continue;
    }
    if (r < 0.1 && cursor > 0) {
      current.delete(cursor - 1, 1);
      cursor--;
    } else {
      current.insert(cursor, LETTERS[Math.floor(random() * LETTERS.length)]!);
      cursor++;
    }
    made++;
  }

  const chunkEdits = options.chunkEdits ?? 500;
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < updates.length; i += chunkEdits) {
    chunks.push(Y.mergeUpdates(updates.slice(i, i + chunkEdits)));
  }
  const history: History = {
    edits: made,
    paragraphs: texts.length,
    clients: clients.size,
    chunks,
    state: Y.encodeStateAsUpdate(doc),
  };
  doc.destroy();
  return history;
}
