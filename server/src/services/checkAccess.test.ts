import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { buildDocument, buildUser, seedStoreBasics } from '../testing/factories.js';
import { checkAccess } from './checkAccess.js';
import { createServiceContext, type ServiceContext } from './context.js';

/**
 * The access pass that socket.io and the collaboration endpoint share, on a real SQLite file:
 * what it answers for sessions and documents, and that a pass reads each session, user and
 * document once however many connections ask.
 */
let dir: string;
let store: SqliteStore;
let ctx: ServiceContext;
let basics: Awaited<ReturnType<typeof seedStoreBasics>>;
let docId: string;
const SID = 'session-1';

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polisee-access-'));
  store = new SqliteStore(path.join(dir, 'polisee.db'));
  ctx = createServiceContext(store, pino({ level: 'silent' }));
  basics = await seedStoreBasics(store);
  const doc = buildDocument({ workingGroupId: basics.group.id, createdBy: basics.user.id });
  docId = doc.id;
  await store.documents.create(doc, Y.encodeStateAsUpdate(new Y.Doc()));
  await store.sessions.set({
    sid: SID,
    userId: basics.user.id,
    data: '{}',
    expiresAt: Date.now() + 60_000,
  });
});

afterEach(async () => {
  await ctx.contentReader.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('checkAccess', () => {
  it('gives the actor of a live session, and why a session is over', async () => {
    const actor = await checkAccess(ctx).sessionActor(SID, basics.user.id);
    expect(typeof actor === 'object' && actor.user.id).toBe(basics.user.id);
    expect(await checkAccess(ctx).sessionActor('no-such-session', basics.user.id)).toBe('expired');
    // A session id presented under another user is not that user's.
    const other = buildUser({ organisationId: basics.org.id, passwordHash: 'hash' });
    await store.users.create(other);
    expect(await checkAccess(ctx).sessionActor(SID, other.id)).toBe('expired');
    // A user removed from the workspace (no password any more) has no access left.
    await store.users.update(basics.user.id, { passwordHash: null });
    expect(await checkAccess(ctx).sessionActor(SID, basics.user.id)).toBe('access_removed');
  });

  it('answers none, read or edit through the one document-access check', async () => {
    const check = checkAccess(ctx);
    const actor = await check.sessionActor(SID, basics.user.id);
    if (typeof actor === 'string') throw new Error(actor);
    // Not a member of the document's group: nothing, as for a document that does not exist.
    expect(await check.documentAccess(actor, docId)).toBe('none');
    expect(await check.documentAccess(actor, 'no-such-document')).toBe('none');
    const member = { ...actor, memberships: [membership('wg_member')] };
    const observer = { ...actor, memberships: [membership('observer')] };
    expect(await checkAccess(ctx).documentAccess(member, docId)).toBe('edit');
    expect(await checkAccess(ctx).documentAccess(observer, docId)).toBe('read');
  });

  it('reads each session, user and document once per pass, and again in the next pass', async () => {
    const sessions = vi.spyOn(store.sessions, 'get');
    const users = vi.spyOn(store.users, 'get');
    const documents = vi.spyOn(store.documents, 'get');
    const check = checkAccess(ctx);
    // Five tabs of one user on one document.
    for (let tab = 0; tab < 5; tab++) {
      const actor = await check.sessionActor(SID, basics.user.id);
      if (typeof actor === 'string') throw new Error(actor);
      await check.documentAccess(actor, docId);
    }
    expect([sessions.mock.calls.length, users.mock.calls.length]).toEqual([1, 1]);
    expect(documents.mock.calls.length).toBe(1);
    // A new pass sees what changed since: nothing is reused across passes.
    await checkAccess(ctx).sessionActor(SID, basics.user.id);
    expect(sessions.mock.calls.length).toBe(2);
  });
});

function membership(role: 'wg_member' | 'observer') {
  return { userId: basics.user.id, workingGroupId: basics.group.id, role };
}
