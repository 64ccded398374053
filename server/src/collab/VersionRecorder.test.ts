import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { encodeInitialState } from '../content/yjsContent.js';
import { createServiceContext, type ServiceContext } from '../services/context.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import {
  buildDocument,
  buildOrganisation,
  buildUser,
  buildWorkingGroup,
} from '../testing/factories.js';
import type { Room, RoomMember } from './Room.js';
import { createRoomRules } from './roomRules.js';
import { RoomManager } from './RoomManager.js';
import { VersionRecorder, type VersionTiming } from './VersionRecorder.js';

/**
 * Automatic versions over real rooms on a real SQLite file: taken when a burst of editing ends,
 * credited to the members whose edits it holds, at most one per interval, never lost when the
 * room closes, and superseded by the versions the services take. Time is fake (timers and the
 * clock), so the bursts, quiet periods and intervals are exact whatever the machine's load.
 */
const logger = pino({ level: 'silent' });
let dir: string;
let store: SqliteStore;
let ctx: ServiceContext;
let rooms: RoomManager;
let recorder: VersionRecorder | undefined;
let docId: string;
let users: ReturnType<typeof buildUser>[];

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polisee-recorder-'));
  store = new SqliteStore(path.join(dir, 'polisee.db'));
  ctx = createServiceContext(store, logger);
  const orgs = [buildOrganisation(), buildOrganisation({ name: 'Pannon', country: 'HU' })];
  for (const org of orgs) await store.organisations.create(org);
  users = [
    buildUser({ organisationId: orgs[0]!.id, name: 'Ana' }),
    buildUser({ organisationId: orgs[1]!.id, name: 'Béla' }),
  ];
  for (const user of users) await store.users.create(user);
  const group = buildWorkingGroup();
  await store.workingGroups.create(group);
  const doc = buildDocument({ workingGroupId: group.id, createdBy: users[0]!.id });
  docId = doc.id;
  await store.documents.create(
    doc,
    encodeInitialState({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Start.' }] }],
    }),
  );
  rooms = new RoomManager(store.documentState, logger, createRoomRules());
  // setImmediate stays real: a room integrates its batches on the next turn of the loop.
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});

afterEach(async () => {
  vi.useRealTimers();
  await rooms.closeAll();
  await recorder?.close();
  recorder = undefined;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(timing: Partial<VersionTiming>) {
  recorder = new VersionRecorder(ctx, rooms, logger, {
    quietMs: 60_000,
    maxDelayMs: 60_000,
    minIntervalMs: 0,
    ...timing,
  });
  return recorder;
}

/** A member of the room with an editor of its own (a Yjs client it speaks for). */
function join(room: Room, user: { id: string }) {
  const member: RoomMember & { close(): void } = {
    userId: user.id,
    send: () => undefined,
    close: () => undefined,
  };
  room.addMember(member);
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(room.doc));
  room.claimClient(editor.clientID, member);
  return {
    type(text: string) {
      const before = Y.encodeStateVector(editor);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      const fragment = editor.getXmlFragment(FRAGMENT_NAME);
      fragment.insert(fragment.length, [paragraph]);
      room.applyUpdate(Y.encodeStateAsUpdate(editor, before), member);
    },
  };
}

const versions = () => store.versions.list(docId, { limit: 100 });
const nextTurn = () => new Promise((r) => setImmediate(r));
/** Lets `ms` of fake time pass, with the loop turns the rooms and the store need around it. */
async function elapse(ms: number) {
  await nextTurn();
  await vi.advanceTimersByTimeAsync(ms);
  await nextTurn();
}

describe('automatic versions', () => {
  it('takes one when a burst of editing ends, crediting everyone whose edits it holds', async () => {
    start({ quietMs: 80 });
    const room = await rooms.open(docId);
    const ana = join(room, users[0]!);
    const bela = join(room, users[1]!);
    ana.type('Ana writes.');
    bela.type('Béla writes.');
    await elapse(20);
    ana.type('Ana again.');
    await elapse(79);
    expect(await versions()).toHaveLength(0);
    await elapse(1);
    expect(await versions()).toHaveLength(1);
    const [auto] = await versions();
    expect(auto).toMatchObject({ kind: 'auto', name: null, createdBy: null, number: 1 });
    expect(auto!.contributors).toEqual(
      [...users]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((u) => ({ userId: u.id, organisationId: u.organisationId })),
    );
    // Nothing more without edits.
    await elapse(60_000);
    expect(await versions()).toHaveLength(1);
  });

  it('keeps automatic versions of one document at least the interval apart', async () => {
    start({ quietMs: 30, maxDelayMs: 30, minIntervalMs: 400 });
    const room = await rooms.open(docId);
    const ana = join(room, users[0]!);
    // 700 ms of edits every 15 ms: a burst never ends, so the delay cap (30 ms) and the
    // interval (400 ms) decide: versions at 30 ms and 430 ms, then one after the last edit.
    for (let i = 0; i * 15 < 700; i++) {
      ana.type(`Edit ${i}`);
      await elapse(15);
    }
    await elapse(500);
    const times = (await versions()).map((v) => Date.parse(v.createdAt)).sort();
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(400);
  });

  it('leaves the edits to a version a service takes meanwhile', async () => {
    const recorder = start({ quietMs: 100 });
    const room = await rooms.open(docId);
    join(room, users[1]!).type('Before a named version.');
    await nextTurn();
    expect(room.doc.getXmlFragment(FRAGMENT_NAME).length).toBe(2);
    expect(recorder.take(docId)).toEqual([users[1]!.id]);
    expect(recorder.take(docId)).toEqual([]);
    await elapse(60_000);
    expect(await versions()).toEqual([]);
  });

  it('never loses pending edits: the room closing takes the version at once', async () => {
    const recorder = start({ quietMs: 3_600_000 });
    const room = await rooms.open(docId);
    join(room, users[0]!).type('Typed just before everyone left.');
    await rooms.closeAll();
    await recorder.close();
    const [auto] = await versions();
    expect(auto).toMatchObject({ kind: 'auto', contributors: [{ userId: users[0]!.id }] });
    const state = await store.versions.state(auto!.id);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state!);
    expect(JSON.stringify(ydoc.getXmlFragment(FRAGMENT_NAME).toJSON())).toContain(
      'Typed just before everyone left.',
    );
  });

  it('ignores the server’s own changes', async () => {
    start({ quietMs: 50 });
    const room = await rooms.open(docId);
    room.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('server')]);
      room.doc.getXmlFragment(FRAGMENT_NAME).insert(0, [paragraph]);
    }, Symbol('server'));
    await elapse(60_000);
    expect(await versions()).toEqual([]);
  });
});
