import { CLIENT_EVENTS } from '@polisee/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/collabClient.js';
import type { TestSocket } from '../testing/socketClient.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import {
  closeAll,
  disconnected,
  leadDocument,
  pause,
  sessionIdOf,
  signIn,
  startThread,
  threadEvents,
  type Person,
} from './socketHarness.js';

/**
 * A socket's rooms follow the user's access while it stays connected (security issue 11,
 * finding 4): a role change re-authorises them, losing access leaves the rooms it opened, and
 * a subscription is checked again.
 */
let server: TestServer;
let lead: Person;
let admin: Person;
let documentId: string;
let workingGroupId: string;

beforeAll(async () => {
  server = await startTestServer();
  lead = await signIn(server, 'lead@polisee.test');
  admin = await signIn(server, 'admin@polisee.test');
  ({ documentId, workingGroupId } = await leadDocument(lead.client));
});
afterEach(closeAll);
afterAll(() => server.close());

/** A reader who stays, so that an event missing elsewhere is known to have been sent. */
async function control() {
  const socket = await lead.socket();
  expect(await socket.request(CLIENT_EVENTS.subscribeDocument, { documentId })).toEqual({
    ok: true,
  });
  return socket;
}

/** Opens the document's room and a priority inbox's, as the app does on the document page. */
async function subscribeToDocumentAndInbox(socket: TestSocket) {
  expect(await socket.request(CLIENT_EVENTS.subscribeDocument, { documentId })).toEqual({
    ok: true,
  });
  expect(await socket.request(CLIENT_EVENTS.subscribePriority, { priority: 'financing' })).toEqual({
    ok: true,
  });
}

describe('socket.io rooms follow access', () => {
  it('a role change keeps what the new role may read; removal from the group leaves its rooms', async () => {
    const member = await signIn(server, 'member@polisee.test');
    const socket = await member.socket();
    const witness = await control();
    await subscribeToDocumentAndInbox(socket);
    const membership = `/api/working-groups/${workingGroupId}/members/${member.userId}`;

    // Re-authorised, not disconnected: an observer still reads the group's documents.
    expect((await admin.client.put(membership, { role: 'observer' })).status).toBe(200);
    const whileObserver = await startThread(lead.client, documentId, 'Still readable');
    await waitFor(() => threadEvents(socket, whileObserver).length > 0, 3000, 'thread');

    expect((await admin.client.delete(membership)).status).toBe(204);
    const afterRemoval = await startThread(lead.client, documentId, 'No longer readable');
    await waitFor(() => threadEvents(witness, afterRemoval).length > 0, 3000, 'witness thread');
    await socket.barrier();
    expect(threadEvents(socket, afterRemoval)).toEqual([]);
    expect(await socket.request(CLIENT_EVENTS.subscribeDocument, { documentId })).toEqual({
      ok: false,
      error: 'not_found',
    });
    // Losing a group is not losing the session.
    expect(socket.connected).toBe(true);
  });

  it('a workspace admin who is demoted leaves the admin, priority and document rooms', async () => {
    // Read through the admin role alone: the admin is no member of the lead's group.
    const demoted = await signIn(server, 'admin@polisee.test');
    const socket = await demoted.socket();
    const witness = await control();
    await subscribeToDocumentAndInbox(socket);

    // Nothing raises an event for this change in the store; the periodic recheck applies it.
    // A session expired at the same moment shows when that recheck has run.
    const marker = await signIn(server, 'sc@polisee.test');
    const markerSocket = await marker.socket();
    await server.ctx.store.users.update(demoted.userId, { isAdmin: false });
    await server.ctx.store.sessions.touch(
      sessionIdOf(marker.client.sessionCookie),
      Date.now() - 1000,
    );
    // Only a clock here (the expiry itself is socketSessionEnds' concern): wait for it, or 8 s.
    await disconnected(markerSocket, 8000).catch(() => undefined);
    await pause(200);

    const threadId = await startThread(lead.client, documentId, 'Not for former admins');
    await waitFor(() => threadEvents(witness, threadId).length > 0, 3000, 'witness thread');
    await socket.barrier();
    expect(threadEvents(socket, threadId)).toEqual([]);
    expect(await socket.request(CLIENT_EVENTS.subscribeDocument, { documentId })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(socket.connected).toBe(true);
    await server.ctx.store.users.update(demoted.userId, { isAdmin: true });
  });
});
