import { COLLAB_CLOSE } from '@polisee/contracts';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import type { Node } from '@tiptap/pm/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeStoredState } from '../content/yjsContent.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { directUpdate, suggestionUpdate } from '../testing/suggestions.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * The suggest-only guard on the real endpoint (decision 0063): an STC member of the group, on a
 * draft, may send suggestions of their own and nothing else.
 */
let server: TestServer;
let documentId: string;
let lead: TestClient;
let member: TestClient;
const sessions = new Map<string, { cookie: string; userId: string }>();
const clients: CollabTestClient[] = [];

async function signIn(email: string) {
  const c = new TestClient(server.baseUrl);
  await c.login(email, TEST_PASSWORD);
  const me = await c.get('/api/auth/me');
  sessions.set(email, { cookie: c.sessionCookie!, userId: me.body.user.id });
  return c;
}

async function connect(email: string) {
  const client = connectCollab(server.baseUrl, documentId, { cookie: sessions.get(email)!.cookie });
  clients.push(client);
  await synced(client);
  return client;
}

async function storedDoc(): Promise<Y.Doc> {
  await server.collab().rooms.room(documentId)?.drain();
  return decodeStoredState((await server.ctx.store.documentState.load(documentId))!);
}

const content = (doc: Y.Doc | undefined) => doc?.getXmlFragment(FRAGMENT_NAME).toString() ?? '';
/** The end of the document's first textblock. */
function firstTextEnd(doc: Node): number {
  let end = -1;
  doc.descendants((node, pos) => {
    if (end === -1 && node.isTextblock && node.content.size > 0) end = pos + 1 + node.content.size;
    return end === -1;
  });
  return end;
}

beforeAll(async () => {
  server = await startTestServer();
  lead = await signIn('lead@polisee.test');
  member = await signIn('member@polisee.test');
  await signIn('stc@polisee.test');
  const groupId = (await lead.get('/api/working-groups')).body.items.find(
    (g: { myRole: string }) => g.myRole === 'wg_lead',
  ).id;
  documentId = (
    await lead.post('/api/documents', {
      title: 'Suggested plan',
      kind: 'workshop_notes',
      workingGroupId: groupId,
      thematicPriorities: ['skills'],
      language: 'en',
    })
  ).body.id;
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('a suggest-only member on the collaboration endpoint', () => {
  it('has its suggestion applied, stored and sent on; its direct edit closes it alone', async () => {
    const lead = await connect('lead@polisee.test');
    const stc = await connect('stc@polisee.test');
    const stcId = sessions.get('stc@polisee.test')!.userId;

    const suggestion = suggestionUpdate(stc.doc, stcId, (tr, pm) =>
      tr.insertText(' Suggested by the STC.', firstTextEnd(pm)),
    );
    Y.applyUpdate(stc.doc, suggestion);
    await waitFor(() => content(lead.doc).includes('Suggested by the STC.'), 5000, 'suggestion');
    expect(content(lead.doc)).toMatch(new RegExp(`<insertion [^>]*authorId="${stcId}"`));
    const stored = await storedDoc();
    expect(content(stored)).toBe(content(lead.doc));
    expect(content(server.collab().rooms.room(documentId)?.doc)).toBe(content(lead.doc));

    const before = content(stored);
    const beforeVector = Y.encodeStateVector(stored);
    const direct = directUpdate(stc.doc, (tr, pm) =>
      tr.insertText('Plain words. ', firstTextEnd(pm)),
    );
    Y.applyUpdate(stc.doc, direct);
    await waitFor(() => stc.closeCodes.includes(COLLAB_CLOSE.suggestionsOnly), 5000, 'close');
    stc.provider.disconnect();

    const after = await storedDoc();
    expect(content(after)).toBe(before);
    expect(Y.encodeStateVector(after)).toEqual(beforeVector);
    expect(content(server.collab().rooms.room(documentId)?.doc)).toBe(before);

    // The lead was not affected: still connected, still editing, and never saw the edit.
    expect(lead.closeCodes).toEqual([]);
    expect(content(lead.doc)).toBe(before);
    const leadEdit = directUpdate(lead.doc, (tr, pm) => tr.insertText(' Lead.', firstTextEnd(pm)));
    Y.applyUpdate(lead.doc, leadEdit);
    await waitFor(
      () => content(server.collab().rooms.room(documentId)?.doc).includes('Lead.'),
      5000,
      'lead edit',
    );
    expect(content(await storedDoc())).not.toContain('Plain words.');
  });

  it('holds a member the lead names to suggestions on this document, and frees them again', async () => {
    const memberId = sessions.get('member@polisee.test')!.userId;
    const held = await lead.patch(`/api/documents/${documentId}`, { suggestOnlyIds: [memberId] });
    expect(held.status, held.text).toBe(200);
    expect(held.body.suggestOnlyIds).toEqual([memberId]);
    // Only the lead names them, and only members other than the lead may be named.
    expect(
      (await member.patch(`/api/documents/${documentId}`, { suggestOnlyIds: [] })).status,
    ).toBe(403);
    const leadId = sessions.get('lead@polisee.test')!.userId;
    const refused = await lead.patch(`/api/documents/${documentId}`, {
      suggestOnlyIds: [leadId, '00000000-0000-4000-8000-000000000000'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'suggestOnlyIds.0',
      'suggestOnlyIds.1',
    ]);
    // The member may no longer rename the text either.
    expect((await member.patch(`/api/documents/${documentId}`, { title: 'Mine now' })).status).toBe(
      403,
    );

    const watcher = await connect('lead@polisee.test');
    const suggesting = await connect('member@polisee.test');
    Y.applyUpdate(
      suggesting.doc,
      suggestionUpdate(suggesting.doc, memberId, (tr, pm) =>
        tr.insertText(' Proposed by a member.', firstTextEnd(pm)),
      ),
    );
    await waitFor(() => content(watcher.doc).includes('Proposed by a member.'), 5000, 'suggestion');
    const before = content(await storedDoc());
    Y.applyUpdate(
      suggesting.doc,
      directUpdate(suggesting.doc, (tr, pm) => tr.insertText('Direct words. ', firstTextEnd(pm))),
    );
    await waitFor(
      () => suggesting.closeCodes.includes(COLLAB_CLOSE.suggestionsOnly),
      5000,
      'close',
    );
    suggesting.provider.disconnect();
    expect(content(await storedDoc())).toBe(before);

    // The activity feed and the audit log name the change.
    const activity = (await lead.get(`/api/documents/${documentId}/activity`)).body.items as {
      type: string;
    }[];
    expect(activity.map((a) => a.type)).toContain('suggest_only_changed');

    const freed = await lead.patch(`/api/documents/${documentId}`, { suggestOnlyIds: [] });
    expect(freed.status).toBe(200);
    const editing = await connect('member@polisee.test');
    Y.applyUpdate(
      editing.doc,
      directUpdate(editing.doc, (tr, pm) => tr.insertText(' Edited again.', firstTextEnd(pm))),
    );
    await waitFor(() => content(watcher.doc).includes('Edited again.'), 5000, 'direct edit');
    expect(editing.closeCodes).toEqual([]);
  });
});
