import ICAL from 'ical.js';
import { WorkshopViewSchema, type WorkshopView } from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../testing/httpClient.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { notifyWorkshopLive } from './notifyWorkshop.js';
import {
  readDemoWorkspace,
  signedIn,
  workshopRequest,
  type DemoWorkspace,
} from '../testing/workshopRequests.js';

/**
 * Workshops over REST on the real server: planning one (with its notes document made from the
 * template in the workshop's language), listing and reading them, refusing bad plans, the
 * calendar file, decisions and actions, and attendance.
 */
let server: TestServer;
let demo: DemoWorkspace;
const as: Record<string, TestClient> = {};
const GUEST = 'lead.financing@polisee.test';

beforeAll(async () => {
  // Many workshops are planned here within a minute; the write limits are not what this is about.
  server = await startTestServer({ env: { THREAD_RATE_LIMIT: '1000' } });
  for (const email of [
    'admin@polisee.test',
    'lead@polisee.test',
    'member@polisee.test',
    'observer@polisee.test',
    'lead.skills@polisee.test',
    GUEST,
  ]) {
    as[email.split('@')[0]!] = await signedIn(server.baseUrl, email);
  }
  demo = await readDemoWorkspace(as.admin!);
});
afterAll(() => server.close());

async function plan(over: Parameters<typeof workshopRequest>[1] = {}, by = 'lead') {
  const res = await as[by]!.post('/api/workshops', workshopRequest(demo.strategyId, over));
  expect(res.status, res.text).toBe(201);
  return WorkshopViewSchema.parse(res.body);
}

/** Moves the workshop on as the live session would (its own service is tested with it). */
async function setStatus(id: string, status: 'live' | 'ended') {
  const stored = (await server.ctx.store.workshops.get(id))!;
  await server.ctx.store.workshops.save({ ...stored, status });
}

describe('planning a workshop', () => {
  it('creates the notes document from the template in the workshop’s language and links it', async () => {
    const linked = demo.strategyDocIds[0]!;
    const created = await plan({
      language: 'hu',
      title: 'Előrejelzési műhely',
      documentIds: [linked],
      guestIds: [demo.userIds[GUEST]!],
      facilitatorIds: [demo.userIds['member@polisee.test']!],
      agenda: [
        { title: 'Köszöntés', minutes: 10 },
        {
          title: 'Forgatókönyvek',
          minutes: 45,
          priority: 'skills',
          section: { documentId: linked, anchor: 'AQIDBA==', heading: 'Vision' },
        },
      ],
    });
    expect(created).toMatchObject({
      status: 'scheduled',
      language: 'hu',
      currentItem: null,
      currentItemSince: null,
      hands: [],
      timer: { durationMs: 0, remainingMs: 0, runningSince: null },
      guestIds: [demo.userIds[GUEST]],
      createdBy: demo.userIds['lead@polisee.test'],
      workingGroupName: expect.stringMatching(/^WG1/),
    });
    expect(created.facilitatorIds).toEqual([
      demo.userIds['lead@polisee.test'],
      demo.userIds['member@polisee.test'],
    ]);
    expect(created.documentIds).toEqual([linked, created.notesDocumentId]);
    expect(created.agenda.map((a) => [a.title, a.minutes, a.spentSeconds, a.priority])).toEqual([
      ['Köszöntés', 10, 0, null],
      ['Forgatókönyvek', 45, 0, 'skills'],
    ]);
    expect(new Set(created.agenda.map((a) => a.id)).size).toBe(2);
    expect(created.agenda[1]!.section).toEqual({
      documentId: linked,
      anchor: 'AQIDBA==',
      heading: 'Vision',
    });
    // Everyone it names, with organisation and country.
    expect(created.people).toContainEqual({
      id: demo.userIds[GUEST],
      name: 'Ioana Ionescu',
      organisationName: 'North-East Regional Development Agency',
      country: 'RO',
    });

    const notes = await as.lead!.get(`/api/documents/${created.notesDocumentId}`);
    expect(notes.status).toBe(200);
    expect(notes.body).toMatchObject({
      kind: 'workshop_notes',
      language: 'hu',
      workingGroupId: demo.strategyId,
      title: 'Műhelyjegyzet: Előrejelzési műhely',
      thematicPriorities: ['skills'],
    });
    const content = await as.lead!.get(`/api/documents/${created.notesDocumentId}/content`);
    expect(content.body.text).toContain('Időpont és résztvevők');
    expect(content.body.text).not.toContain('Date and participants');
  });

  it('tags the notes with the group’s priorities when no agenda item names one', async () => {
    const created = await plan({ agenda: [{ title: 'Open discussion', minutes: 30 }] });
    const notes = await as.lead!.get(`/api/documents/${created.notesDocumentId}`);
    expect(notes.body.thematicPriorities).toEqual([
      'innovation',
      'specialisation',
      'internationalisation',
    ]);
    expect(notes.body.title).toBe(`Workshop notes: ${created.title}`);
  });

  it('shortens a long title to fit the notes document’s title', async () => {
    const created = await plan({ title: 'Ő'.repeat(200) });
    const notes = await as.lead!.get(`/api/documents/${created.notesDocumentId}`);
    expect(notes.body.title).toHaveLength(200);
    expect(notes.body.title).toMatch(/^Workshop notes: Ő+…$/);
  });

  it('invites every member and guest through the notification centre, the creator aside', async () => {
    const changed: string[] = [];
    server.ctx.events.on('workshopChanged', (w) => changed.push(w.id));
    const created = await plan({ guestIds: [demo.userIds[GUEST]!] });
    expect(changed).toEqual([created.id]);
    for (const who of ['member', 'observer', 'lead.financing']) {
      const items = (await as[who]!.get('/api/notifications')).body.items as {
        type: string;
        workshopId: string | null;
        documentId: string;
        documentTitle: string;
      }[];
      expect(items, who).toContainEqual(
        expect.objectContaining({
          type: 'workshop_invited',
          workshopId: created.id,
          documentId: created.notesDocumentId,
          documentTitle: created.title,
        }),
      );
    }
    for (const who of ['lead', 'lead.skills']) {
      const items = (await as[who]!.get('/api/notifications')).body.items as {
        workshopId: string | null;
      }[];
      expect(
        items.some((n) => n.workshopId === created.id),
        who,
      ).toBe(false);
    }
  });
});

describe('the go-live notification', () => {
  it('tells the same people, the facilitator who went live aside', async () => {
    const created = await plan({ guestIds: [demo.userIds[GUEST]!] });
    const stored = (await server.ctx.store.workshops.get(created.id))!;
    const member = (await server.ctx.store.users.get(demo.userIds['member@polisee.test']!))!;
    await notifyWorkshopLive(server.ctx, { ...stored, status: 'live' }, member);
    const live = async (who: string) =>
      (
        (await as[who]!.get('/api/notifications')).body.items as {
          type: string;
          workshopId: string;
        }[]
      ).filter((n) => n.type === 'workshop_live' && n.workshopId === created.id);
    for (const who of ['lead', 'observer', 'lead.financing'])
      expect(await live(who), who).toHaveLength(1);
    for (const who of ['member', 'lead.skills']) expect(await live(who), who).toHaveLength(0);
  });
});

describe('refusing a bad plan', () => {
  async function refused(over: Parameters<typeof workshopRequest>[1], by = 'lead') {
    const before = (await server.ctx.store.documents.list({})).length;
    const res = await as[by]!.post('/api/workshops', workshopRequest(demo.strategyId, over));
    // Nothing is left behind: no notes document for a refused plan.
    expect((await server.ctx.store.documents.list({})).length).toBe(before);
    return res;
  }

  it('names each failing field', async () => {
    const cases: [Parameters<typeof workshopRequest>[1], string][] = [
      [{ title: '   ' }, 'title'],
      [{ endsAt: '2030-05-14T06:00:00.000Z' }, 'endsAt'],
      [{ agenda: [] }, 'agenda'],
      [{ agenda: [{ title: 'Too long', minutes: 481 }] }, 'agenda.0.minutes'],
      [{ language: 'de' as never }, 'language'],
      [{ startsAt: 'tomorrow' }, 'startsAt'],
      [{ facilitatorIds: [demo.userIds['lead.skills@polisee.test']!] }, 'facilitatorIds.0'],
      [{ guestIds: [demo.userIds['member@polisee.test']!] }, 'guestIds.0'],
      [{ guestIds: ['no-such-user'] }, 'guestIds.0'],
      [{ documentIds: [demo.skillsDocIds[0]!] }, 'documentIds.0'],
      [{ documentIds: ['no-such-document'] }, 'documentIds.0'],
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
    ];
    for (const [over, path] of cases) {
      const res = await refused(over);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('validation_failed');
      expect(
        (res.body.error.details as { path: string }[]).map((d) => d.path),
        path,
      ).toContain(path);
    }
  });

  it('refuses an archived document and an unknown group', async () => {
    const doc = await as.lead!.post('/api/documents', {
      title: 'To archive',
      kind: 'policy_assessment',
      workingGroupId: demo.strategyId,
      thematicPriorities: ['innovation'],
      language: 'en',
    });
    await as.lead!.post(`/api/documents/${doc.body.id}/archive`);
    const archived = await refused({ documentIds: [doc.body.id] });
    expect(archived.status).toBe(400);
    expect(archived.body.error.details[0].path).toBe('documentIds.0');

    const res = await as.admin!.post(
      '/api/workshops',
      workshopRequest('no-such-group', { title: 'Nowhere' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('workingGroupId');
  });

  it('refuses unknown fields and operator objects', async () => {
    for (const body of [
      { ...workshopRequest(demo.strategyId), status: 'live' },
      { ...workshopRequest(demo.strategyId), workingGroupId: { $ne: null } },
    ]) {
      const res = await as.lead!.post('/api/workshops', body);
      expect(res.status).toBe(400);
    }
  });
});

describe('listing and reading workshops', () => {
  let early: WorkshopView;
  let late: WorkshopView;
  let skills: WorkshopView;

  beforeAll(async () => {
    late = await plan({ startsAt: '2031-02-01T09:00:00Z', endsAt: '2031-02-01T11:00:00Z' });
    early = await plan({
      // An offset is kept as the same instant, in UTC.
      startsAt: '2029-01-01T11:00:00+02:00',
      endsAt: '2029-01-01T12:00:00+02:00',
    });
    const res = await as['lead.skills']!.post(
      '/api/workshops',
      workshopRequest(demo.skillsId, { title: 'Skills workshop' }),
    );
    skills = WorkshopViewSchema.parse(res.body);
    await setStatus(late.id, 'live');
  });

  it('gets one with its status, agenda, facilitators and notes document', async () => {
    const res = await as.member!.get(`/api/workshops/${late.id}`);
    expect(res.status).toBe(200);
    const view = WorkshopViewSchema.parse(res.body);
    expect(view).toMatchObject({
      id: late.id,
      status: 'live',
      facilitatorIds: late.facilitatorIds,
      notesDocumentId: late.notesDocumentId,
      agenda: late.agenda,
    });
    expect(Date.parse(view.serverNow)).not.toBeNaN();
    expect(early.startsAt).toBe('2029-01-01T09:00:00.000Z');
    expect((await as.member!.get('/api/workshops/no-such-workshop')).status).toBe(404);
  });

  it('lists a group’s workshops by start, filtered by status', async () => {
    const all = (await as.member!.get(`/api/workshops?workingGroupId=${demo.strategyId}`)).body
      .items as WorkshopView[];
    const starts = all.map((w) => w.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(all.map((w) => w.id)).toEqual(expect.arrayContaining([early.id, late.id]));
    expect(all.every((w) => w.workingGroupId === demo.strategyId)).toBe(true);

    const live = (
      await as.member!.get(`/api/workshops?workingGroupId=${demo.strategyId}&status=live`)
    ).body.items as WorkshopView[];
    expect(live.map((w) => w.id)).toEqual([late.id]);
    const both = (await as.member!.get('/api/workshops?status=scheduled,live')).body
      .items as WorkshopView[];
    expect(both.map((w) => w.id)).toEqual(expect.arrayContaining([early.id, late.id]));

    const bad = await as.member!.get('/api/workshops?status=soon');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('status.0');
  });

  it('lists only the workshops of the reader’s groups', async () => {
    const member = (await as.member!.get('/api/workshops')).body.items as WorkshopView[];
    // The member is in WG1 and WG3.
    expect(member.map((w) => w.id)).toEqual(expect.arrayContaining([late.id, skills.id]));
    const observer = (await as.observer!.get('/api/workshops')).body.items as WorkshopView[];
    expect(observer.map((w) => w.id)).toContain(late.id);
    expect(observer.some((w) => w.workingGroupId === demo.skillsId)).toBe(false);
  });
});

describe('the calendar file', () => {
  it('is an iCalendar event with the title, purpose, agenda, times, link and organizer', async () => {
    const created = await plan({
      title: 'Scenario workshop: "2040"',
      startsAt: '2030-06-02T07:30:00.000Z',
      endsAt: '2030-06-02T09:00:00.000Z',
    });
    const res = await as.observer!.get(`/api/workshops/${created.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="Scenario workshop 2040.ics"',
    );
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('Scenario workshop: "2040"');
    expect(event.startDate.toJSDate().toISOString()).toBe('2030-06-02T07:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2030-06-02T09:00:00.000Z');
    expect(event.startDate.zone.tzid).toBe('UTC');
    expect(event.uid).toBe(`workshop-${created.id}@polisee`);
    expect(event.description).toBe(
      [
        'Agree the priorities of the plan.',
        '',
        '1. Welcome and objectives (10 min)',
        '2. Scenarios for 2040 (60 min)',
        '3. Decisions and next steps (20 min)',
      ].join('\n'),
    );
    expect(vevent.getFirstPropertyValue('url')).toBe(`${server.baseUrl}/workshops/${created.id}`);
    const organizer = vevent.getFirstProperty('organizer')!;
    // The scheme is case-insensitive (RFC 3986); the library writes it in capitals.
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:lead@polisee.test');
    expect(organizer.getParameter('cn')).toBe('Eleni Papadopoulou');
  });

  it('names the minutes in the workshop’s language', async () => {
    const created = await plan({ language: 'el', purpose: '' });
    const res = await as.lead!.get(`/api/workshops/${created.id}/calendar.ics`);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(res.text)).getFirstSubcomponent('vevent')!,
    );
    expect(event.description.split('\n')[0]).toBe('1. Welcome and objectives (10 λεπτά)');
  });
});

describe('decisions, actions and attendance', () => {
  let workshop: WorkshopView;

  beforeAll(async () => {
    workshop = await plan({ guestIds: [demo.userIds[GUEST]!] });
  });

  it('waits for the workshop to start', async () => {
    const res = await as.lead!.post(`/api/workshops/${workshop.id}/outcomes`, {
      kind: 'decision',
      text: 'Too early',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('records decisions and actions against agenda items, oldest first', async () => {
    await setStatus(workshop.id, 'live');
    const announced: string[] = [];
    server.ctx.events.on('workshopOutcomeAdded', (o) => announced.push(o.id));
    const item = workshop.agenda[1]!.id;
    const decision = await as.lead!.post(`/api/workshops/${workshop.id}/outcomes`, {
      kind: 'decision',
      agendaItemId: item,
      text: 'Innovation comes first',
    });
    expect(decision.status).toBe(201);
    expect(decision.body).toMatchObject({
      workshopId: workshop.id,
      agendaItemId: item,
      kind: 'decision',
      ownerId: null,
      dueDate: null,
      createdBy: demo.userIds['lead@polisee.test'],
    });
    const action = await as.lead!.post(`/api/workshops/${workshop.id}/outcomes`, {
      kind: 'action',
      text: 'Draft the financing chapter',
      ownerId: demo.userIds[GUEST],
      dueDate: '2030-07-01',
    });
    expect(action.status).toBe(201);
    expect(action.body).toMatchObject({
      kind: 'action',
      agendaItemId: null,
      dueDate: '2030-07-01',
    });

    // The live session relays each one to the workshop's room.
    expect(announced).toEqual([decision.body.id, action.body.id]);
    const list = await as.observer!.get(`/api/workshops/${workshop.id}/outcomes`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([
      decision.body.id,
      action.body.id,
    ]);
  });

  it('refuses an item outside the agenda, an owner outside the workshop and a bad date', async () => {
    const url = `/api/workshops/${workshop.id}/outcomes`;
    const cases: [unknown, string][] = [
      [{ kind: 'decision', agendaItemId: 'not-an-item', text: 'x' }, 'agendaItemId'],
      [{ kind: 'action', text: 'x', ownerId: demo.userIds['lead.skills@polisee.test'] }, 'ownerId'],
      [{ kind: 'action', text: 'x', dueDate: '1 July' }, 'dueDate'],
      [{ kind: 'decision', text: '' }, 'text'],
      [{ kind: 'vote', text: 'x' }, 'kind'],
    ];
    for (const [body, path] of cases) {
      const res = await as.lead!.post(url, body);
      expect(res.status, path).toBe(400);
      expect(
        res.body.error.details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    // A decision has no owner: the field is refused, not ignored.
    const owned = await as.lead!.post(url, { kind: 'decision', text: 'x', ownerId: 'someone' });
    expect(owned.status).toBe(400);
    expect(owned.body.error.details[0].code).toBe('unknown_field');
    expect((await as.lead!.get(url)).body.items).toHaveLength(2);
  });

  it('reports attendance with organisation and country, to facilitators only', async () => {
    const member = demo.userIds['member@polisee.test']!;
    await server.ctx.store.workshops.recordJoin({
      workshopId: workshop.id,
      userId: member,
      joinedAt: '2030-05-14T07:01:00.000Z',
      leftAt: null,
    });
    await server.ctx.store.workshops.recordLeave(workshop.id, member, '2030-05-14T08:00:00.000Z');
    const res = await as.lead!.get(`/api/workshops/${workshop.id}/attendance`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        workshopId: workshop.id,
        userId: member,
        joinedAt: '2030-05-14T07:01:00.000Z',
        leftAt: '2030-05-14T08:00:00.000Z',
        person: {
          id: member,
          name: 'Mihai Popescu',
          organisationName: 'North-East Regional Development Agency',
          country: 'RO',
        },
      },
    ]);
    expect((await as.member!.get(`/api/workshops/${workshop.id}/attendance`)).status).toBe(403);
  });
});

describe('the write limit', () => {
  it('refuses planning workshops faster than the budget allows', async () => {
    const limited = await startTestServer({ env: { THREAD_RATE_LIMIT: '1' } });
    try {
      const c = await signedIn(limited.baseUrl, 'lead@polisee.test');
      const groups = (await c.get('/api/working-groups')).body.items as {
        id: string;
        myRole: string;
      }[];
      const group = groups.find((g) => g.myRole === 'wg_lead')!.id;
      expect((await c.post('/api/workshops', workshopRequest(group))).status).toBe(201);
      const second = await c.post('/api/workshops', workshopRequest(group));
      expect(second.status).toBe(429);
      expect(second.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
