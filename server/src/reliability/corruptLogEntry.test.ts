import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStoredState } from '../collab/storedState.js';
import {
  freePort,
  killHard,
  openChildStore,
  removeChildData,
  startChildServer,
  stopGracefully,
} from '../testing/childServer.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { createPlan, storedTextBecomes } from '../testing/editStorm.js';
import { TEST_MONGODB_URI } from '../testing/mongo.js';
import { insertTestText, testText } from '../testing/testText.js';
import { collectLogs, figureLine, pause, seconds, signInLead } from './harness.js';

/**
 * Case 4: garbage bytes in one entry of a document's update log, written into the stopped
 * server's SQLite file. The document still loads, with that entry skipped and logged with the
 * document id and its sequence (decision 0068); a client that still holds the change gives it
 * back when it reconnects, and it is stored again. (On MongoDB the suite skips it: the bytes
 * are written with better-sqlite3.)
 */
let dataDir: string;
let child: ChildProcess | undefined;
const clients: CollabTestClient[] = [];

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  if (child) await killHard(child);
  if (dataDir) await removeChildData(dataDir);
});

/** What is on disk, read the way a room loads it (corrupt entries skipped). */
async function storedText(documentId: string): Promise<string> {
  const store = await openChildStore(dataDir);
  try {
    const doc = new Y.Doc();
    const stored = (await store.documentState.load(documentId))!;
    applyStoredState(doc, documentId, stored, pino({ level: 'silent' }));
    return testText(doc);
  } finally {
    await store.close();
  }
}

it.skipIf(TEST_MONGODB_URI)(
  'loads a document whose update log holds a corrupt entry, skipping and logging it',
  async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-rel-corrupt-'));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    child = await startChildServer(dataDir, port);
    const { cookie, groupId } = await signInLead(baseUrl);
    const documentId = await createPlan(baseUrl, cookie, groupId, 'Plan with a corrupt entry');
    const holder = connectCollab(baseUrl, documentId, { cookie });
    clients.push(holder);
    await synced(holder);
    const kept = ['<a0>', '<a1>', '<a2>', '<a3>'];
    for (const token of kept) {
      insertTestText(holder.doc, holder.text().length, token);
      await pause(120);
    }
    await storedTextBecomes(dataDir, documentId, () => kept.join(''));
    // The last entry of the log, on its own: the one the disk will spoil.
    const spoiled = '<spoiled-then-restored>';
    insertTestText(holder.doc, holder.text().length, spoiled);
    const all = kept.join('') + spoiled;
    await storedTextBecomes(dataDir, documentId, () => all);
    // The holder stays away while the server restarts, its copy of the change with it.
    holder.provider.disconnect();
    expect(await stopGracefully(child)).toBe(0);

    const db = new Database(path.join(dataDir, 'polisee.db'));
    const rows = db
      .prepare(
        'SELECT seq, length(update_bytes) AS bytes FROM document_updates WHERE document_id = ? ORDER BY seq',
      )
      .all(documentId) as { seq: number; bytes: number }[];
    const last = rows.at(-1)!;
    const garbage = randomBytes(last.bytes);
    expect(() => Y.decodeUpdate(garbage)).toThrow();
    db.prepare(
      'UPDATE document_updates SET update_bytes = ? WHERE document_id = ? AND seq = ?',
    ).run(garbage, documentId, last.seq);
    db.close();

    child = await startChildServer(dataDir, port);
    const logs = collectLogs(child);
    const loadingAt = Date.now();
    const reader = connectCollab(baseUrl, documentId, { cookie });
    clients.push(reader);
    await synced(reader);
    const loadedMs = Date.now() - loadingAt;
    expect(reader.text()).toBe(kept.join(''));
    expect(reader.closeCodes).toEqual([]);
    await waitFor(
      () => logs.some((l) => l.level === 50 && l.documentId === documentId && l.seq === last.seq),
      5_000,
      'the skipped entry to be logged with the document id',
    );

    holder.provider.connect();
    await waitFor(() => reader.text() === all, 10_000, 'the holder to give the change back');
    const started = Date.now();
    let stored = await storedText(documentId);
    while (stored !== all && Date.now() - started < 10_000) {
      await pause(200);
      stored = await storedText(documentId);
    }
    const lost = [...kept, spoiled].filter((t) => !stored.includes(t)).length;

    console.info(
      figureLine(
        `corrupt log entry: 1 of ${rows.length} entries garbage (${last.bytes} bytes), document loaded ` +
          `in ${seconds(loadedMs)} with it skipped and logged with the document id, its change given ` +
          `back by a client that held it, ${lost} lost`,
      ),
    );
    expect(lost).toBe(0);
    expect(stored).toBe(all);
  },
  300_000,
);
