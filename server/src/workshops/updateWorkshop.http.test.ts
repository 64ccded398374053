import {
  WORKSHOP_CLIENT_EVENTS as C,
  WORKSHOP_SERVER_EVENTS as S,
  WorkshopViewSchema,
  type UpdateWorkshopRequest,
  type WorkshopStateEvent,
} from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../services/loadActor.js';
import type { TestClient } from '../testing/httpClient.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import {
  readDemoWorkspace,
  signedIn,
  workshopRequest,
  type DemoWorkspace,
} from '../testing/workshopRequests.js';
import {
  connectWorkshopSocket,
  joinWorkshop,
  type WorkshopSocket,
} from '../testing/workshopSockets.js';
import { updateWorkshop } from './updateWorkshop.js';
import { WorkshopLocks } from './workshopLocks.js';

/**
 * Changing a workshop's plan before it starts, over REST on the real server: the fields given
 * replace the stored ones, agenda items keep their ids and time spent, guests added are invited,
 * the room sees the new plan, bad plans are refused at their fields, and a workshop that has
 * gone live (even at the same moment) keeps its plan.
 */
let server: TestServer;
let demo: DemoWorkspace;
const as: Record<string, TestClient> = {};
const sockets: WorkshopSocket[] = [];
const GUEST = 'lead.financing@polisee.test';
const id = (email: string) => demo.userIds[email]!;

beforeAll(async () => {
  server = await startTestServer({ env: { THREAD_RATE_LIMIT: '1000' } });
  for (const email of ['admin@polisee.test', 'lead@polisee.test', 'member@polisee.test', GUEST]) {
    as[email.split('@')[0]!] = await signedIn(server.baseUrl, email);
  }
  demo = await readDemoWorkspace(as.admin!);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

async function plan(over: Parameters<typeof workshopRequest>[1] = {}) {
  const res = await as.lead!.post('/api/workshops', workshopRequest(demo.strategyId, over));
  expect(res.status, res.text).toBe(201);
  return WorkshopViewSchema.parse(res.body);
}

function edit(workshopId: string, body: UpdateWorkshopRequest | object, by = 'lead') {
  return as[by]!.patch(`/api/workshops/${workshopId}`, body);
}

async function invitations(who: string, workshopId: string) {
  const items = (await as[who]!.get('/api/notifications')).body.items as {
    type: string;
    workshopId: string | null;
  }[];
  return items.filter((n) => n.type === 'workshop_invited' && n.workshopId === workshopId);
}

describe('changing the plan', () => {
  it('changes the title, the times and the agenda, keeping items’ ids and time spent', async () => {
    const created = await plan();
    const [welcome, scenarios, decisions] = created.agenda;
    // Time spent is only ever recorded live; set it as a visit would have, to see it kept.
    const stored = (await server.ctx.store.workshops.get(created.id))!;
    await server.ctx.store.workshops.save({
      ...stored,
      agenda: stored.agenda.map((a, i) => (i === 1 ? { ...a, spentSeconds: 95 } : a)),
    });
    const changed: string[] = [];
    const onChanged = (w: { id: string }) => changed.push(w.id);
    server.ctx.events.on('workshopChanged', onChanged);

    const res = await edit(created.id, {
      title: 'Scenario workshop',
      startsAt: '2030-05-15T08:00:00.000Z',
      endsAt: '2030-05-15T11:00:00.000Z',
      agenda: [
        { id: scenarios!.id, title: 'Scenarios for 2040', minutes: 75, priority: 'innovation' },
        { title: 'Wild cards', minutes: 15 },
        { id: welcome!.id, title: 'Welcome', minutes: 5 },
      ],
    });
    server.ctx.events.off('workshopChanged', onChanged);
    expect(res.status, res.text).toBe(200);
    const view = WorkshopViewSchema.parse(res.body);
    expect(view).toMatchObject({
      title: 'Scenario workshop',
      purpose: created.purpose,
      startsAt: '2030-05-15T08:00:00.000Z',
      endsAt: '2030-05-15T11:00:00.000Z',
      status: 'scheduled',
      facilitatorIds: created.facilitatorIds,
      documentIds: [created.notesDocumentId],
    });
    expect(view.agenda.map((a) => [a.id, a.title, a.minutes, a.spentSeconds])).toEqual([
      [scenarios!.id, 'Scenarios for 2040', 75, 95],
      [expect.any(String), 'Wild cards', 15, 0],
      [welcome!.id, 'Welcome', 5, 0],
    ]);
    const fresh = view.agenda[1]!.id;
    expect([welcome!.id, scenarios!.id, decisions!.id]).not.toContain(fresh);
    expect(changed).toEqual([created.id]);
    // Stored as answered.
    const read = await as.member!.get(`/api/workshops/${created.id}`);
    expect(read.body.agenda).toEqual(view.agenda);
    expect(read.body.title).toBe('Scenario workshop');
  });

  it('checks a single time against the stored other', async () => {
    const created = await plan();
    const late = await edit(created.id, { startsAt: '2030-05-14T11:00:00.000Z' });
    expect(late.status).toBe(400);
    expect(late.body.error.details.map((d: { path: string }) => d.path)).toEqual(['startsAt']);
    const early = await edit(created.id, { endsAt: '2030-05-14T06:00:00.000Z' });
    expect(early.status).toBe(400);
    expect(early.body.error.details.map((d: { path: string }) => d.path)).toEqual(['endsAt']);
    const ok = await edit(created.id, { endsAt: '2030-05-14T12:00:00.000Z' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.startsAt).toBe(created.startsAt);
  });

  it('invites a guest added, and tells nobody else again', async () => {
    const created = await plan();
    expect(await invitations('member', created.id)).toHaveLength(1);
    expect(await invitations('lead.financing', created.id)).toHaveLength(0);
    expect((await as['lead.financing']!.get(`/api/workshops/${created.id}`)).status).toBe(404);

    const res = await edit(created.id, { guestIds: [id(GUEST)], purpose: 'Agree the scenarios.' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.guestIds).toEqual([id(GUEST)]);
    expect(await invitations('lead.financing', created.id)).toHaveLength(1);
    expect(await invitations('member', created.id)).toHaveLength(1);
    expect((await as['lead.financing']!.get(`/api/workshops/${created.id}`)).status).toBe(200);

    // Kept, not added: no second invitation.
    expect((await edit(created.id, { guestIds: [id(GUEST)], title: 'Again' })).status).toBe(200);
    expect(await invitations('lead.financing', created.id)).toHaveLength(1);
  });

  it('keeps the creator a facilitator and the notes linked last', async () => {
    const linked = demo.strategyDocIds[0]!;
    const created = await plan({ facilitatorIds: [id('member@polisee.test')] });
    const res = await edit(
      created.id,
      { facilitatorIds: [], documentIds: [created.notesDocumentId, linked] },
      'member',
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.facilitatorIds).toEqual([id('lead@polisee.test')]);
    expect(res.body.documentIds).toEqual([linked, created.notesDocumentId]);
    // No longer a facilitator (nor the group's lead): the member may not change it again.
    expect((await edit(created.id, { title: 'Mine' }, 'member')).status).toBe(403);
  });

  it('sends the room the new plan', async () => {
    const created = await plan();
    const socket = await connectWorkshopSocket(server.baseUrl, as.member!);
    sockets.push(socket);
    await joinWorkshop(socket, created.id);
    const since = socket.received.length;
    expect((await edit(created.id, { title: 'Seen by the room' })).status).toBe(200);
    const state = await socket.next<WorkshopStateEvent>(
      S.state,
      since,
      (e) => e.workshop.title === 'Seen by the room',
    );
    expect(state.workshop.id).toBe(created.id);
  });
});

describe('refusing a bad change', () => {
  it('names each failing field', async () => {
    const linked = demo.strategyDocIds[0]!;
    const created = await plan({
      documentIds: [linked],
      agenda: [
        {
          title: 'Bound',
          minutes: 10,
          section: { documentId: linked, anchor: 'AQID', heading: 'Vision' },
        },
      ],
    });
    const item = created.agenda[0]!;
    const cases: [object, string][] = [
      [{}, 'body'],
      [{ title: '   ' }, 'title'],
      [{ startsAt: '2030-05-14T09:00:00.000Z', endsAt: '2030-05-14T08:00:00.000Z' }, 'endsAt'],
      [{ agenda: [] }, 'agenda'],
      [{ agenda: [{ id: 'no-such-item', title: 'X', minutes: 5 }] }, 'agenda.0.id'],
      [
        {
          agenda: [
            { id: item.id, title: 'Once', minutes: 5 },
            { id: item.id, title: 'Twice', minutes: 5 },
          ],
        },
        'agenda.1.id',
      ],
      [
        {
          agenda: [
            {
              title: 'Bound elsewhere',
              minutes: 5,
              section: { documentId: demo.strategyDocIds[1]!, anchor: 'AQID', heading: 'X' },
            },
          ],
        },
        'agenda.0.section.documentId',
      ],
      [{ documentIds: [] }, 'documentIds'],
      [{ documentIds: [demo.skillsDocIds[0]!] }, 'documentIds.0'],
      [{ facilitatorIds: [id('lead.skills@polisee.test')] }, 'facilitatorIds.0'],
      [{ guestIds: [id('member@polisee.test')] }, 'guestIds.0'],
      [{ guestIds: ['no-such-user'] }, 'guestIds.0'],
    ];
    for (const [body, path] of cases) {
      const res = await edit(created.id, body);
      expect(res.status, `${path}: ${res.text}`).toBe(400);
      expect(res.body.error.code, path).toBe('validation_failed');
      expect(
        (res.body.error.details as { path: string }[]).map((d) => d.path),
        path,
      ).toContain(path);
    }
    // Neither the group nor the language changes (the notes exist in it), nor the live state.
    for (const body of [
      { workingGroupId: demo.skillsId },
      { language: 'hu' },
      { status: 'live' },
    ]) {
      const res = await edit(created.id, { title: 'Moved', ...body });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.message).toContain(Object.keys(body)[0]);
    }
    // Nothing changed.
    const stored = (await server.ctx.store.workshops.get(created.id))!;
    expect(stored.agenda).toEqual(created.agenda);
    expect(stored.documentIds).toEqual(created.documentIds);
  });

  it('refuses a guest made a facilitator, where they were named', async () => {
    const created = await plan({ guestIds: [id(GUEST)] });
    const res = await edit(created.id, { facilitatorIds: [id(GUEST)] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'facilitatorIds.0',
    ]);
  });

  it('refuses once the workshop has started or ended', async () => {
    const created = await plan();
    for (const status of ['live', 'ended'] as const) {
      const stored = (await server.ctx.store.workshops.get(created.id))!;
      await server.ctx.store.workshops.save({ ...stored, status });
      const res = await edit(created.id, { title: 'Too late' });
      expect(res.status, status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
    }
    expect((await server.ctx.store.workshops.get(created.id))!.title).toBe(created.title);
  });

  it('never puts back a workshop that went live at the same moment', async () => {
    const facilitator = await connectWorkshopSocket(server.baseUrl, as.lead!);
    sockets.push(facilitator);
    for (let round = 0; round < 5; round++) {
      const created = await plan();
      await joinWorkshop(facilitator, created.id);
      const [patched, live] = await Promise.all([
        edit(created.id, { title: `Edited ${round}` }),
        facilitator.ask(C.control, { workshopId: created.id, command: { type: 'goLive' } }),
      ]);
      expect(live).toEqual({ ok: true });
      const stored = (await server.ctx.store.workshops.get(created.id))!;
      expect(stored.status).toBe('live');
      expect(stored.currentItem).toBe(0);
      // Either the change came first and was kept, or it came second and was refused.
      if (patched.status === 200) expect(stored.title).toBe(`Edited ${round}`);
      else {
        expect(patched.status).toBe(409);
        expect(stored.title).toBe(created.title);
      }
    }
  });

  it('reads the status under the lock going live takes, so a change queued behind it is refused', async () => {
    const created = await plan();
    const locks = new WorkshopLocks();
    let release!: () => void;
    // Going live, as the live session does it: under the workshop's lock.
    const goingLive = locks.run(created.id, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      const stored = (await server.ctx.store.workshops.get(created.id))!;
      await server.ctx.store.workshops.save({ ...stored, status: 'live', currentItem: 0 });
    });
    const actor = (await loadActor(server.ctx, id('lead@polisee.test')))!;
    const change = updateWorkshop(server.ctx, locks, actor, created.id, { title: 'Queued' });
    release();
    await goingLive;
    await expect(change).rejects.toMatchObject({ code: 'conflict' });
    const stored = (await server.ctx.store.workshops.get(created.id))!;
    expect([stored.status, stored.title]).toEqual(['live', created.title]);
  });
});
