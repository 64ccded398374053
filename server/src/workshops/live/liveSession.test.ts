import {
  SERVER_EVENTS,
  WORKSHOP_CLIENT_EVENTS as C,
  WORKSHOP_ERRORS,
  WORKSHOP_SERVER_EVENTS as S,
  type WorkshopStateEvent,
} from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/httpClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import {
  readDemoWorkspace,
  signedIn,
  workshopRequest,
  type DemoWorkspace,
} from '../../testing/workshopRequests.js';
import {
  connectWorkshopSocket,
  joinWorkshop,
  type WorkshopSocket,
} from '../../testing/workshopSockets.js';

/**
 * The live session against the real server: going live with people waiting, attendance, the
 * agenda and its time, summon, the hand queue, and every refusal reaching its sender alone.
 */
let server: TestServer;
let demo: DemoWorkspace;
let lead: TestClient;
let member: TestClient;
let observer: TestClient;
let workshopId: string;
let facilitator: WorkshopSocket;
let participant: WorkshopSocket;
let watcher: WorkshopSocket;
const sockets: WorkshopSocket[] = [];

async function connect(client: TestClient) {
  const s = await connectWorkshopSocket(server.baseUrl, client);
  sockets.push(s);
  return s;
}
const id = (email: string) => demo.userIds[email]!;
const control = (command: unknown, s = facilitator, ws = workshopId) =>
  s.ask(C.control, { workshopId: ws, command });
/** The next state every socket in the room receives after `since`. */
const nextState = (s: WorkshopSocket, since: number, match: (w: WorkshopStateEvent) => boolean) =>
  s.next<WorkshopStateEvent>(S.state, since, match).then((e) => e.workshop);

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn(server.baseUrl, 'lead@polisee.test');
  member = await signedIn(server.baseUrl, 'member@polisee.test');
  observer = await signedIn(server.baseUrl, 'observer@polisee.test');
  demo = await readDemoWorkspace(await signedIn(server.baseUrl, 'admin@polisee.test'));
  const res = await lead.post('/api/workshops', workshopRequest(demo.strategyId));
  expect(res.status).toBe(201);
  workshopId = res.body.id as string;
  facilitator = await connect(lead);
  participant = await connect(member);
  watcher = await connect(observer);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

describe('the live session', () => {
  it('lets people wait in the lobby, and goes live with them there', async () => {
    for (const s of [participant, watcher]) {
      expect((await joinWorkshop(s, workshopId)).workshop.status).toBe('scheduled');
    }
    await joinWorkshop(facilitator, workshopId);
    expect((await server.ctx.store.workshops.listAttendance(workshopId)).length).toBe(0);
    // A member on the dashboard, not in the workshop: its "live now" list hears of it.
    const dashboard = await connect(member);

    const since = participant.received.length;
    expect(await control({ type: 'goLive' })).toEqual({ ok: true });
    expect(await dashboard.next(SERVER_EVENTS.workshopStatusChanged)).toEqual({
      workshopId,
      workingGroupId: demo.strategyId,
      status: 'live',
    });
    const live = await nextState(participant, since, (e) => e.workshop.status === 'live');
    expect(live.currentItem).toBe(0);
    expect(live.startedAt).not.toBeNull();
    expect(live.present).toEqual([
      id('member@polisee.test'),
      id('observer@polisee.test'),
      id('lead@polisee.test'),
    ]);
    // Everyone waiting started a stay when it went live.
    const stays = await server.ctx.store.workshops.listAttendance(workshopId);
    expect(stays.map((s) => s.userId).sort()).toEqual(live.present.slice().sort());
    expect(stays.every((s) => s.leftAt === null)).toBe(true);
  });

  it('records a stay per visit: the last tab leaving ends it', async () => {
    const second = await connect(member);
    await joinWorkshop(second, workshopId);
    second.disconnect();
    await facilitator.barrier();
    const memberId = id('member@polisee.test');
    const open = async () =>
      (await server.ctx.store.workshops.listAttendance(workshopId)).filter(
        (s) => s.userId === memberId && s.leftAt === null,
      ).length;
    // The member's first tab is still there: their stay goes on.
    await expect.poll(open).toBe(1);

    const since = facilitator.received.length;
    expect(await participant.ask(C.leave, { workshopId })).toEqual({ ok: true });
    const state = await nextState(
      facilitator,
      since,
      (e) => !e.workshop.present.includes(memberId),
    );
    expect(state.present).not.toContain(memberId);
    expect(await open()).toBe(0);
    await joinWorkshop(participant, workshopId);
    const stays = (await server.ctx.store.workshops.listAttendance(workshopId)).filter(
      (s) => s.userId === memberId,
    );
    expect(stays).toHaveLength(2);
    expect(stays[0]!.leftAt).not.toBeNull();
    expect(stays[1]!.leftAt).toBeNull();
  });

  it('moves through the agenda, recording the time spent on each item', async () => {
    const since = watcher.received.length;
    expect(await control({ type: 'next' })).toEqual({ ok: true });
    expect(await control({ type: 'goTo', index: 2 })).toEqual({ ok: true });
    expect(await control({ type: 'previous' })).toEqual({ ok: true });
    const state = await nextState(watcher, since, (e) => e.workshop.currentItem === 1);
    expect(state.currentItemSince).not.toBeNull();
    const stored = (await server.ctx.store.workshops.get(workshopId))!;
    expect(stored.currentItem).toBe(1);
    expect(stored.agenda.every((item) => item.spentSeconds >= 0)).toBe(true);
    expect(await control({ type: 'goTo', index: 3 })).toEqual({
      ok: false,
      error: WORKSHOP_ERRORS.noSuchItem,
    });
  });

  it('runs the timer on the server, for everyone the same', async () => {
    const since = participant.received.length;
    expect(await control({ type: 'timerStart', minutes: 5 })).toEqual({ ok: true });
    const running = await nextState(
      participant,
      since,
      (e) => e.workshop.timer.runningSince !== null,
    );
    expect(running.timer.durationMs).toBe(300_000);
    await control({ type: 'timerAddMinute' });
    await control({ type: 'timerPause' });
    const paused = await nextState(
      participant,
      since,
      (e) => e.workshop.timer.runningSince === null && e.workshop.timer.durationMs === 360_000,
    );
    expect(paused.timer.remainingMs).toBeLessThanOrEqual(360_000);
    expect(paused.timer.remainingMs).toBeGreaterThan(350_000);
  });

  it('summons everyone to a place without storing it', async () => {
    const before = (await server.ctx.store.workshops.get(workshopId))!;
    const w = before;
    const place = { documentId: w.notesDocumentId, anchor: null };
    const since = [participant, watcher].map((s) => s.received.length);
    const summon = { type: 'summon', place, agendaItemId: w.agenda[1]!.id };
    expect(await control(summon)).toEqual({ ok: true });
    for (const [i, s] of [participant, watcher].entries()) {
      expect(await s.next(S.summoned, since[i])).toEqual({
        workshopId,
        place,
        agendaItemId: w.agenda[1]!.id,
        by: id('lead@polisee.test'),
      });
    }
    expect((await server.ctx.store.workshops.get(workshopId))!.updatedAt).toBe(before.updatedAt);
  });

  it('relays a facilitator’s place to the others only', async () => {
    const w = (await server.ctx.store.workshops.get(workshopId))!;
    const place = { documentId: w.notesDocumentId, anchor: null };
    const since = participant.received.length;
    const own = facilitator.received.length;
    expect(await facilitator.ask(C.view, { workshopId, place })).toEqual({ ok: true });
    expect((await participant.next<{ place: unknown }>(S.facilitatorView, since)).place).toEqual(
      place,
    );
    await facilitator.barrier();
    expect(facilitator.received.slice(own).some((r) => r.event === S.facilitatorView)).toBe(false);
  });

  it('keeps the hand queue in the order hands went up', async () => {
    const since = facilitator.received.length;
    expect(await watcher.ask(C.hand, { workshopId, raised: true })).toEqual({ ok: true });
    expect(await participant.ask(C.hand, { workshopId, raised: true })).toEqual({ ok: true });
    // Raised again (a double click): keeps the first place.
    expect(await watcher.ask(C.hand, { workshopId, raised: true })).toEqual({ ok: true });
    const queue = (await nextState(facilitator, since, (e) => e.workshop.hands.length === 2)).hands;
    expect(queue.map((h) => h.userId)).toEqual([
      id('observer@polisee.test'),
      id('member@polisee.test'),
    ]);

    let at = facilitator.received.length;
    await control({ type: 'callNext' });
    let state = await nextState(facilitator, at, (e) => e.workshop.hands.length === 1);
    expect(state.hands.map((h) => h.userId)).toEqual([id('member@polisee.test')]);
    at = facilitator.received.length;
    await watcher.ask(C.hand, { workshopId, raised: true });
    state = await nextState(facilitator, at, (e) => e.workshop.hands.length === 2);
    expect(state.hands.map((h) => h.userId)).toEqual([
      id('member@polisee.test'),
      id('observer@polisee.test'),
    ]);
    at = facilitator.received.length;
    expect(await participant.ask(C.hand, { workshopId, raised: false })).toEqual({ ok: true });
    await control({ type: 'lowerHand', userId: id('observer@polisee.test') });
    state = await nextState(facilitator, at, (e) => e.workshop.hands.length === 0);
    expect(state.hands).toEqual([]);
  });
});

describe('refusals', () => {
  /**
   * Sends a bad event and checks its code came back to the sender, that the workshop did not
   * change, and that no one else heard anything (a barrier on each other socket).
   */
  async function refused(
    send: () => Promise<unknown>,
    error: string,
    others: WorkshopSocket[],
    ws = workshopId,
  ) {
    const before = await server.ctx.store.workshops.get(ws);
    const counts = others.map((s) => s.received.length);
    expect(await send()).toEqual({ ok: false, error });
    for (const [i, s] of others.entries()) {
      await s.barrier();
      expect(s.received.slice(counts[i])).toEqual([]);
    }
    expect(await server.ctx.store.workshops.get(ws)).toEqual(before);
  }

  it('refuses a control from a non-facilitator', async () => {
    await refused(() => control({ type: 'next' }, participant), 'forbidden', [
      facilitator,
      watcher,
    ]);
    await refused(() => control({ type: 'timerStart', minutes: 3 }, watcher), 'forbidden', [
      facilitator,
      participant,
    ]);
  });

  it('refuses a malformed payload', async () => {
    await refused(
      () => facilitator.ask(C.control, { workshopId, command: { type: 'explode' } }),
      'validation_failed',
      [participant, watcher],
    );
    await refused(
      () => participant.ask(C.hand, { workshopId, raised: 'yes' }),
      'validation_failed',
      [facilitator, watcher],
    );
    await refused(() => participant.ask(C.join, 'not an object'), 'validation_failed', [
      facilitator,
    ]);
  });

  it('refuses events before joining, and for a workshop not live', async () => {
    const res = await lead.post('/api/workshops', workshopRequest(demo.strategyId));
    const scheduledId = res.body.id as string;
    await refused(
      () => participant.ask(C.hand, { workshopId: scheduledId, raised: true }),
      WORKSHOP_ERRORS.notJoined,
      [facilitator],
      scheduledId,
    );
    await joinWorkshop(participant, scheduledId);
    await refused(
      () => participant.ask(C.hand, { workshopId: scheduledId, raised: true }),
      WORKSHOP_ERRORS.notLive,
      [facilitator, watcher],
      scheduledId,
    );
    const since = participant.received.length;
    await joinWorkshop(facilitator, scheduledId);
    // The join's state reaches the room after a store read, so it may land after the join's
    // answer (later on a slower store): wait for it, lest it pass for an answer to the refusal.
    await nextState(
      participant,
      since,
      (e) => e.workshop.id === scheduledId && e.workshop.present.length === 2,
    );
    await refused(
      () => control({ type: 'next' }, facilitator, scheduledId),
      WORKSHOP_ERRORS.notLive,
      [participant, watcher],
      scheduledId,
    );
  });

  it('refuses to join a workshop the user may not read, as not found', async () => {
    const stranger = await connect(await signedIn(server.baseUrl, 'lead.skills@polisee.test'));
    await refused(() => stranger.ask(C.join, { workshopId }), 'not_found', [
      facilitator,
      participant,
    ]);
  });

  it('writes the outcome of one item into the notes on demand', async () => {
    const w = (await server.ctx.store.workshops.get(workshopId))!;
    const versions = () => server.ctx.store.versions.list(w.notesDocumentId, { limit: 50 });
    const before = (await versions()).length;
    const command = { type: 'writeOutcome', agendaItemId: w.agenda[1]!.id };
    expect(await control(command)).toEqual({ ok: true });
    expect((await versions()).length).toBe(before + 1);
    expect(await control({ type: 'writeOutcome', agendaItemId: 'no-such-item' })).toEqual({
      ok: false,
      error: WORKSHOP_ERRORS.noSuchItem,
    });
    await refused(() => control(command, participant), 'forbidden', [facilitator, watcher]);
  });

  it('ends the workshop: polls close, stays end, nothing moves any more', async () => {
    const notesId = (await server.ctx.store.workshops.get(workshopId))!.notesDocumentId;
    const versionsBefore = (await server.ctx.store.versions.list(notesId, { limit: 50 })).length;
    const opened = await facilitator.ask<{ poll: { id: string } }>(C.openPoll, {
      workshopId,
      question: 'Which first?',
      kind: 'single',
      options: ['Skills', 'Green'],
    });
    expect(opened.ok).toBe(true);
    const since = participant.received.length;
    expect(await control({ type: 'end' })).toEqual({ ok: true });
    const ended = await nextState(participant, since, (e) => e.workshop.status === 'ended');
    expect(ended.currentItem).toBeNull();
    expect(ended.endedAt).not.toBeNull();
    expect(ended.agenda.some((item) => item.spentSeconds >= 0)).toBe(true);
    const polls = await server.ctx.store.workshops.listPolls(workshopId);
    expect(polls.every((p) => p.status === 'closed')).toBe(true);
    const stays = await server.ctx.store.workshops.listAttendance(workshopId);
    expect(stays.every((s) => s.leftAt !== null)).toBe(true);
    // The whole outcome was written into the notes, recorded as a named version.
    const versions = await server.ctx.store.versions.list(notesId, { limit: 50 });
    expect(versions.length).toBe(versionsBefore + 1);
    expect(versions[0]!.kind).toBe('named');
    await refused(
      () => participant.ask(C.hand, { workshopId, raised: true }),
      WORKSHOP_ERRORS.ended,
      [facilitator, watcher],
    );
    await refused(() => control({ type: 'goLive' }), WORKSHOP_ERRORS.ended, [participant, watcher]);
  });
});
