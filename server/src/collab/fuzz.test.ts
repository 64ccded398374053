import { insertTestText, testText } from '../testing/testText.js';
import { randomInt } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { COLLAB_CLOSE, COLLAB_LIMITS, COLLAB_PATH } from '@polisee/contracts';
import { decodeStoredState } from '../content/yjsContent.js';
import { connectCollab, synced, waitFor } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * ≥ 10,000 random and mutated frames, before and after authentication, against the real
 * server: no crash, every bad frame closes only its own connection, and the stored document
 * still loads and equals its state before.
 */
const FRAMES = 10_000;
const PARALLEL = 32;

let server: TestServer;
let documentId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const email of ['lead@polisee.test', 'observer@polisee.test']) {
    const c = new TestClient(server.baseUrl);
    await c.login(email, TEST_PASSWORD);
    cookies[email] = c.sessionCookie!;
  }
  documentId = (
    await new TestClient(server.baseUrl).request('GET', '/api/documents', {
      headers: { cookie: cookies['lead@polisee.test']! },
    })
  ).body.items[0].id;
});
afterAll(() => server.close());

function message(build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
}

/** Real frames to mutate: a sync step 1, an update with text and formatting, an awareness update. */
function seedFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  insertTestText(doc, 0, 'seed text for mutation');
  doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
  const update = Y.encodeStateAsUpdate(doc);
  return [
    message(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
      ),
    ),
    message(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 2),
        encoding.writeVarUint8Array(e, update)
      ),
    ),
    message(
      (e) => (
        encoding.writeVarUint(e, 0),
        encoding.writeVarUint(e, 1),
        encoding.writeVarUint8Array(e, update)
      ),
    ),
    message((e) => {
      encoding.writeVarUint(e, 1);
      const inner = message(
        (i) => (
          encoding.writeVarUint(i, 1),
          encoding.writeVarUint(i, 1234),
          encoding.writeVarUint(i, 1),
          encoding.writeVarString(i, '{"cursor":{"anchor":1}}')
        ),
      );
      encoding.writeVarUint8Array(e, inner);
    }),
  ];
}

const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => randomInt(256));

function fuzzFrame(seeds: Uint8Array[]): Uint8Array {
  const seed = seeds[randomInt(seeds.length)]!;
  switch (randomInt(8)) {
    case 0: // pure noise
      return randomBytes(randomInt(0, 80));
    case 1: // truncated real frame
      return seed.slice(0, randomInt(0, seed.length));
    case 2: {
      // flipped bytes
      const f = seed.slice();
      for (let i = 0; i < 1 + randomInt(4); i++) f[randomInt(f.length)] = randomInt(256);
      return f;
    }
    case 3: // huge varints
      return Uint8Array.from([randomInt(4), ...Array(10).fill(0xff), ...randomBytes(8)]);
    case 4: // bogus length prefix inside a sync envelope
      return Uint8Array.from([0, randomInt(3), 0xff, 0xff, 0xff, 0x7f, ...randomBytes(16)]);
    case 5: // garbage update inside a valid update envelope
      return message(
        (e) => (
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 2),
          encoding.writeVarUint8Array(e, randomBytes(randomInt(1, 60)))
        ),
      );
    case 6: // awareness with a broken JSON state or absurd count
      return message((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(
          e,
          message(
            (i) => (
              encoding.writeVarUint(i, randomInt(1, 1 << 30)),
              encoding.writeVarUint(i, 7),
              encoding.writeVarString(i, '{"broken":')
            ),
          ),
        );
      });
    default: // unknown message types
      return Uint8Array.from([randomInt(4, 250), ...randomBytes(randomInt(0, 20))]);
  }
}

/** Sends frames on one socket until the server closes it or `budget` frames are out. */
function fuzzSocket(frames: () => Uint8Array | null, cookie: string | null): Promise<number> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { origin: server.baseUrl };
    if (cookie) headers.cookie = cookie;
    const ws = new WebSocket(
      `${server.baseUrl.replace('http', 'ws')}${COLLAB_PATH}/${documentId}`,
      { headers },
    );
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      ws.terminate();
      resolve(sent);
    };
    const next = () => {
      if (done || ws.readyState !== ws.OPEN) return finish();
      const frame = frames();
      if (!frame) return finish();
      sent++;
      ws.send(frame, { binary: randomInt(20) !== 0 });
      setTimeout(next, 2);
    };
    ws.on('open', next);
    ws.on('close', finish);
    ws.on('error', finish);
  });
}

describe('collaboration endpoint under fuzzing', () => {
  it(`survives ${FRAMES} random and mutated frames; the stored document is unchanged`, async () => {
    const before = decodeStoredState((await server.ctx.store.documentState.load(documentId))!);
    const beforeState = Y.encodeStateAsUpdate(before);
    const seeds = seedFrames();
    let remaining = FRAMES;
    const take = () => (remaining-- > 0 ? fuzzFrame(seeds) : null);
    let total = 0;
    // Unauthenticated, read-only (observer) and foreign-origin sockets take the frames.
    const identities = [null, cookies['observer@polisee.test']!];
    const workers = Array.from({ length: PARALLEL }, async (_, w) => {
      while (remaining > 0) {
        const sent = await fuzzSocket(take, identities[w % identities.length]!);
        total += sent;
      }
    });
    await Promise.all(workers);
    expect(total).toBeGreaterThanOrEqual(FRAMES);

    // The process is alive, the document loads and equals its state before.
    expect((await new TestClient(server.baseUrl).get('/api/health')).status).toBe(200);
    const room = server.collab().rooms.room(documentId);
    if (room) await room.drain();
    const after = decodeStoredState((await server.ctx.store.documentState.load(documentId))!);
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(before));
    expect(after.getXmlFragment('default').toJSON()).toBe(
      before.getXmlFragment('default').toJSON(),
    );
    expect(Y.encodeStateAsUpdate(after).byteLength).toBe(beforeState.byteLength);

    // And it still works for an editor.
    const editor = connectCollab(server.baseUrl, documentId, {
      cookie: cookies['lead@polisee.test']!,
    });
    await synced(editor);
    insertTestText(editor.doc, 0, 'still editable');
    await waitFor(() => testText(server.collab().rooms.room(documentId)?.doc) === 'still editable');
    editor.destroy();
  }, 120_000);

  it('closes an editor connection on a malformed update without touching the document', async () => {
    const editor = connectCollab(server.baseUrl, documentId, {
      cookie: cookies['lead@polisee.test']!,
    });
    await synced(editor);
    const room = server.collab().rooms.room(documentId)!;
    const before = Y.encodeStateVector(room.doc);
    const ws = editor.provider.ws!;
    ws.send(
      message(
        (e) => (
          encoding.writeVarUint(e, 0),
          encoding.writeVarUint(e, 2),
          encoding.writeVarUint8Array(e, Uint8Array.from([1, 1, 200, 3, 0, 4, 99]))
        ),
      ),
    );
    await waitFor(() => editor.closeCodes.length > 0);
    expect(editor.closeCodes[0]).toBe(COLLAB_CLOSE.malformed);
    expect(Y.encodeStateVector(room.doc)).toEqual(before);
    editor.destroy();
  });

  it('closes with the named codes when a frame is too large or a client floods', async () => {
    const big = connectCollab(server.baseUrl, documentId, {
      cookie: cookies['lead@polisee.test']!,
    });
    await synced(big);
    big.provider.ws!.send(new Uint8Array(COLLAB_LIMITS.maxFrameBytes + 1));
    await waitFor(() => big.closeCodes.length > 0);
    expect(big.closeCodes[0]).toBe(COLLAB_CLOSE.tooLarge);
    big.destroy();

    const flood = connectCollab(server.baseUrl, documentId, {
      cookie: cookies['lead@polisee.test']!,
    });
    await synced(flood);
    const query = Uint8Array.from([3]);
    for (let i = 0; i < COLLAB_LIMITS.maxMessagesPerSecond * 2; i++) flood.provider.ws!.send(query);
    await waitFor(() => flood.closeCodes.length > 0);
    expect(flood.closeCodes[0]).toBe(COLLAB_CLOSE.rateLimited);
    flood.destroy();
  });
});
