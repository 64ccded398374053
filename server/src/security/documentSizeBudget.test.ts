import { COLLAB_CLOSE } from '@polisee/contracts';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Finding 6 of the security review: ten 7.5 MB updates, each under the frame limit, grew the
 * server from 205 to 894 MB and blocked everyone's requests for seconds. A document now has a
 * size budget (DOC_MAX_BYTES; 16 MiB by default, 512 KiB here): an update that would add
 * content past it is refused with 4413 and not stored, while deleting stays possible.
 */
const BUDGET = 512 * 1024;
let server: TestServer;
let lead: TestClient;
let documentId: string;
const opened: CollabTestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { DOC_MAX_BYTES: String(BUDGET) } });
  lead = new TestClient(server.baseUrl);
  await lead.login('lead@polisee.test', TEST_PASSWORD);
  const groups = await lead.get('/api/working-groups');
  const group = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await lead.post('/api/documents', {
    title: 'Growing plan',
    kind: 'workshop_notes',
    workingGroupId: group.id,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  documentId = created.body.id;
});

afterAll(async () => {
  opened.forEach((c) => c.destroy());
  await server.close();
});

async function editor() {
  const c = connectCollab(server.baseUrl, documentId, { cookie: lead.sessionCookie });
  opened.push(c);
  await synced(c);
  return c;
}

/** A paragraph of `size` characters that compress badly (as pasted text would not, but worse). */
function appendParagraph(doc: Y.Doc, size: number, seed: number) {
  let text = '';
  let x = seed;
  while (text.length < size) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    text += x.toString(36);
  }
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text.slice(0, size))]);
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  fragment.insert(fragment.length, [paragraph]);
}

const storedBytes = async () => {
  await server.collab().rooms.room(documentId)?.drain();
  const stored = (await server.ctx.store.documentState.load(documentId))!;
  return (
    (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.update.byteLength, 0)
  );
};

describe('a size budget per document', () => {
  it('refuses additions past the budget with 4413, stores none of it, and still allows deleting', async () => {
    const writer = await editor();
    // Within budget: accepted.
    appendParagraph(writer.doc, 150_000, 1);
    await waitFor(
      () =>
        server.collab().rooms.room(documentId)?.doc.getXmlFragment(FRAGMENT_NAME).length ===
        writer.doc.getXmlFragment(FRAGMENT_NAME).length,
      10_000,
      'the first paste',
    );
    expect(await storedBytes()).toBeGreaterThan(150_000);
    expect(writer.closeCodes).toEqual([]);

    // Past it: refused, and the stored document does not grow.
    for (let i = 2; i < 6; i++) appendParagraph(writer.doc, 150_000, i);
    await waitFor(() => writer.closeCodes.length > 0, 10_000, 'the refusal');
    expect(writer.closeCodes[0]).toBe(COLLAB_CLOSE.documentTooLarge);
    writer.provider.disconnect();
    // The updates before the one that crossed the budget were kept; nothing past it.
    expect(await storedBytes()).toBeLessThanOrEqual(BUDGET);

    // Another editor can still make room: a deletion adds nothing.
    const cleaner = await editor();
    const fragment = cleaner.doc.getXmlFragment(FRAGMENT_NAME);
    const big = fragment
      .toArray()
      .findIndex((n) => n instanceof Y.XmlElement && n.toString().length > 100_000);
    expect(big).toBeGreaterThanOrEqual(0);
    fragment.delete(big, 1);
    await waitFor(
      () =>
        server.collab().rooms.room(documentId)?.doc.getXmlFragment(FRAGMENT_NAME).length ===
        fragment.length,
      10_000,
      'the deletion',
    );
    expect(cleaner.closeCodes).toEqual([]);
    // Reads of the document answer meanwhile.
    expect((await lead.get(`/api/documents/${documentId}/content`)).status).toBe(200);
  });
});
