import { SERVER_EVENTS } from '@polisee/contracts';
import { waitFor } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { connectSocket, type TestSocket } from '../testing/socketClient.js';
import { TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/** What the socket.io security tests share: signed-in people with sockets, and their sessions. */

export interface Person {
  client: TestClient;
  userId: string;
  /** Sockets opened on this person's current session; closed by `closeAll`. */
  socket(): Promise<TestSocket>;
}

const opened: TestSocket[] = [];

export async function signIn(server: TestServer, email: string): Promise<Person> {
  const client = new TestClient(server.baseUrl);
  await client.login(email, TEST_PASSWORD);
  const me = await client.get('/api/auth/me');
  return {
    client,
    userId: me.body.user.id as string,
    async socket() {
      const socket = await connectSocket(server.baseUrl, client.sessionCookie);
      opened.push(socket);
      return socket;
    },
  };
}

export function closeAll() {
  opened.splice(0).forEach((s) => s.disconnect());
}

/** The session id inside a signed cookie (`polisee.sid=s:<sid>.<signature>`). */
export function sessionIdOf(cookie: string | null): string {
  const value = decodeURIComponent(cookie?.split('=')[1] ?? '');
  const match = /^s:([^.]+)\./.exec(value);
  if (!match) throw new Error(`not a session cookie: ${cookie}`);
  return match[1]!;
}

export function endedReasons(socket: TestSocket): unknown[] {
  return socket.received
    .filter((r) => r.event === SERVER_EVENTS.sessionEnded)
    .map((r) => (r.payload as { reason: unknown }).reason);
}

export const disconnected = (socket: TestSocket, ms = 1000) =>
  waitFor(() => !socket.connected, ms, 'socket disconnected');

/** A fresh document of the lead's working group (strategy), with its id and group. */
export async function leadDocument(lead: TestClient) {
  const groups = await lead.get('/api/working-groups');
  const group = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await lead.post('/api/documents', {
    title: 'Socket security plan',
    kind: 'workshop_notes',
    workingGroupId: group.id,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  if (created.status !== 201) throw new Error(`document not created: ${created.text}`);
  return { documentId: created.body.id as string, workingGroupId: group.id as string };
}

/** Starts a thread as `author`, mentioning `mentions`: a `thread:changed` and notifications. */
export async function startThread(
  author: TestClient,
  documentId: string,
  body: string,
  mentions: string[] = [],
) {
  const res = await author.post(`/api/documents/${documentId}/threads`, {
    priority: 'financing',
    body,
    mentions,
  });
  if (res.status !== 201) throw new Error(`thread not started: ${res.text}`);
  return res.body.id as string;
}

export function threadEvents(socket: TestSocket, threadId: string) {
  return socket.received.filter(
    (r) =>
      r.event === SERVER_EVENTS.threadChanged &&
      (r.payload as { thread: { id: string } }).thread.id === threadId,
  );
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
