import { COLLAB_CLOSE } from '@polisee/contracts';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findDamage } from '../content/documentRepair.js';
import { decodeStoredState } from '../content/yjsContent.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Finding 3 and 8 of the security review: one Yjs update from any editor (a foreign root type,
 * an element the schema does not know, a `javascript:` link, a heading level that is a
 * script) used to be applied and stored, after which content, versions, restores and review
 * requests answered 500 for good. The endpoint now refuses such an update with 4422 and
 * applies or stores none of it; and a document damaged before that is still read, versioned,
 * restored and reviewed, skipping what it does not know.
 */
let server: TestServer;
let lead: TestClient;
let reviewerIds: string[];
const opened: CollabTestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  lead = new TestClient(server.baseUrl);
  await lead.login('lead@polisee.test', TEST_PASSWORD);
  const sc = new TestClient(server.baseUrl);
  const scSession = (await sc.login('sc@polisee.test', TEST_PASSWORD)) as { user: { id: string } };
  reviewerIds = [scSession.user.id];
});

afterAll(async () => {
  opened.forEach((c) => c.destroy());
  await server.close();
});

async function newDocument(title: string): Promise<string> {
  const groups = await lead.get('/api/working-groups');
  const group = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await lead.post('/api/documents', {
    title,
    kind: 'workshop_notes',
    workingGroupId: group.id,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function editorOn(documentId: string) {
  const c = connectCollab(server.baseUrl, documentId, { cookie: lead.sessionCookie });
  opened.push(c);
  await synced(c);
  return c;
}

/** The stored document, as a cold load would read it. */
async function stored(documentId: string): Promise<Y.Doc> {
  await server.collab().rooms.room(documentId)?.drain();
  return decodeStoredState((await server.ctx.store.documentState.load(documentId))!);
}

/** Everything a user does with a document answers as it should. */
async function expectUsable(documentId: string) {
  const content = await lead.get(`/api/documents/${documentId}/content`);
  expect(content.status).toBe(200);
  const version = await lead.post(`/api/documents/${documentId}/versions`, { name: 'Check' });
  expect(version.status).toBe(201);
  const versions = await lead.get(`/api/documents/${documentId}/versions`);
  expect(versions.status).toBe(200);
  const oldest = versions.body.items.at(-1).id as string;
  expect((await lead.get(`/api/documents/${documentId}/versions/${oldest}`)).status).toBe(200);
  const diff = await lead.get(
    `/api/documents/${documentId}/diff?from=${oldest}&to=${version.body.id as string}`,
  );
  expect(diff.status).toBe(200);
  const restored = await lead.post(`/api/documents/${documentId}/versions/${oldest}/restore`);
  expect(restored.status).toBeLessThan(300);
  const review = await lead.post(`/api/documents/${documentId}/reviews`, {
    reviewerIds,
    dueDate: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    message: 'Please look.',
  });
  expect(review.status).toBe(201);
  return content.body as { text: string };
}

/** Sends `change` from a stock client and expects the server to close it with 4422. */
async function expectRefused(change: (doc: Y.Doc) => void) {
  const documentId = await newDocument('Guarded plan');
  const attacker = await editorOn(documentId);
  const before = Y.encodeStateVector(await stored(documentId));
  change(attacker.doc);
  await waitFor(() => attacker.closeCodes.length > 0, 10_000, 'the refusal');
  expect(attacker.closeCodes[0]).toBe(COLLAB_CLOSE.schemaViolation);
  attacker.provider.disconnect();
  // Nothing of it was applied or stored, live or cold.
  const room = server.collab().rooms.room(documentId);
  if (room) expect(Y.encodeStateVector(room.doc)).toEqual(before);
  const cold = await stored(documentId);
  expect(Y.encodeStateVector(cold)).toEqual(before);
  expect(findDamage(cold)).toEqual([]);
  await expectUsable(documentId);
  return documentId;
}

const firstTextOf = (doc: Y.Doc) => {
  let found: Y.XmlText | null = null;
  const visit = (node: Y.XmlElement | Y.XmlFragment) =>
    node.toArray().forEach((child) => {
      if (found) return;
      if (child instanceof Y.XmlText && child.length > 3) found = child;
      else if (child instanceof Y.XmlElement) visit(child);
    });
  visit(doc.getXmlFragment(FRAGMENT_NAME));
  return found! as Y.XmlText;
};

describe('the schema holds on the wire', () => {
  it('refuses an update that creates a foreign root type, and keeps the document usable', async () => {
    await expectRefused((doc) => doc.getArray('default').insert(0, ['x']));
    await expectRefused((doc) => doc.getMap('settings').set('evil', true));
  });

  it('refuses an element the schema does not know', async () => {
    await expectRefused((doc) => {
      const fragment = doc.getXmlFragment(FRAGMENT_NAME);
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText('alert(1)')]);
      fragment.insert(0, [script]);
    });
  });

  it('refuses a javascript: link and a heading level that is not a level (finding 8)', async () => {
    await expectRefused((doc) =>
      firstTextOf(doc).format(0, 3, { link: { href: 'javascript:alert(document.domain)' } }),
    );
    await expectRefused((doc) => {
      const heading = doc
        .getXmlFragment(FRAGMENT_NAME)
        .toArray()
        .find((n) => n instanceof Y.XmlElement && n.nodeName === 'heading') as Y.XmlElement;
      heading.setAttribute('level', 'onmouseover=alert(1)' as never);
    });
  });

  it('still accepts what the editor writes, links and headings included', async () => {
    const documentId = await newDocument('Ordinary plan');
    const editor = await editorOn(documentId);
    editor.doc.transact(() => {
      firstTextOf(editor.doc).format(0, 3, {
        link: { href: 'https://s3platform.jrc.ec.europa.eu' },
      });
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as never);
      heading.insert(0, [new Y.XmlText('Pilot actions')]);
      editor.doc.getXmlFragment(FRAGMENT_NAME).insert(0, [heading]);
    });
    await waitFor(
      () =>
        server.collab().rooms.room(documentId)?.doc.getXmlFragment(FRAGMENT_NAME).length ===
        editor.doc.getXmlFragment(FRAGMENT_NAME).length,
      10_000,
      'the edit to arrive',
    );
    expect(editor.closeCodes).toEqual([]);
    await stored(documentId); // the content route reads what is stored
    const content = await expectUsable(documentId);
    expect(content.text).toContain('Pilot actions');
  });
});

describe('a document damaged before the guard', () => {
  it('is read, versioned, diffed, restored and reviewed, skipping what the schema cannot read', async () => {
    const documentId = await newDocument('Damaged plan');
    // What an unguarded server stored: a foreign root, values and an unknown element in the
    // fragment, a javascript: link and a scripted heading level.
    const base = await stored(documentId);
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(base));
    const sv = Y.encodeStateVector(attacker);
    attacker.transact(() => {
      attacker.getMap('settings').set('evil', true);
      const fragment = attacker.getXmlFragment(FRAGMENT_NAME);
      fragment.insert(0, [new Y.XmlElement('script')]);
      const heading = fragment
        .toArray()
        .find((n) => n instanceof Y.XmlElement && n.nodeName === 'heading') as Y.XmlElement;
      heading.setAttribute('level', 'onmouseover=alert(1)' as never);
      firstTextOf(attacker).format(0, 3, { link: { href: 'javascript:alert(1)' } });
    });
    await server.ctx.store.documentState.append(documentId, [Y.encodeStateAsUpdate(attacker, sv)]);
    expect(findDamage(await stored(documentId)).length).toBeGreaterThanOrEqual(4);

    const content = await expectUsable(documentId);
    expect(JSON.stringify(content)).not.toContain('javascript:');
    expect(JSON.stringify(content)).not.toContain('onmouseover');
  });
});
