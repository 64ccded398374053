import { WORKSHOP_CLIENT_EVENTS as C, type PollView, type WorkshopAck } from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../testing/httpClient.js';
import { connectSocket } from '../../testing/socketClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../testing/testServer.js';
import { readDemoWorkspace, workshopRequest } from '../../testing/workshopRequests.js';
import { connectWorkshopSocket, type WorkshopSocket } from '../../testing/workshopSockets.js';

/**
 * Every live workshop event × every role, allowed and denied (the REST routes have theirs in
 * workshopAuthorization.test.ts). The workshop belongs to WG1, is led by the lead with the SC
 * member named as a second facilitator, and has the financing lead as a guest; the skills lead
 * is an outsider (no role in WG1, not invited), to whom the workshop does not exist.
 */
const EMAIL = {
  admin: 'admin@polisee.test',
  lead: 'lead@polisee.test',
  member: 'member@polisee.test',
  observer: 'observer@polisee.test',
  sc: 'sc@polisee.test',
  stc: 'stc@polisee.test',
  guest: 'lead.financing@polisee.test',
  outsider: 'lead.skills@polisee.test',
} as const;
type RoleName = keyof typeof EMAIL;
const ROLES = Object.keys(EMAIL) as RoleName[];
const PARTICIPANTS: RoleName[] = ['admin', 'lead', 'member', 'observer', 'sc', 'stc', 'guest'];
const FACILITATORS: RoleName[] = ['admin', 'lead', 'sc'];

let server: TestServer;
let workshopId: string;
let documentId: string;
const sockets = new Map<RoleName, WorkshopSocket>();
const socketOf = (role: RoleName) => sockets.get(role)!;

/** What a refused event must answer: the outsider is told the workshop does not exist. */
function expectAnswer(role: RoleName, allowed: boolean, ack: WorkshopAck, what: string) {
  if (allowed) expect(ack, `${role}: ${what}`).toMatchObject({ ok: true });
  else
    expect(ack, `${role}: ${what}`).toEqual({
      ok: false,
      error: role === 'outsider' ? 'not_found' : 'forbidden',
    });
}

beforeAll(async () => {
  server = await startTestServer();
  const clients = new Map<RoleName, TestClient>();
  for (const role of ROLES) {
    const client = new TestClient(server.baseUrl);
    await client.login(EMAIL[role], TEST_PASSWORD);
    clients.set(role, client);
  }
  const demo = await readDemoWorkspace(clients.get('admin')!);
  documentId = demo.strategyDocIds[0]!;
  const created = await clients.get('lead')!.post(
    '/api/workshops',
    workshopRequest(demo.strategyId, {
      facilitatorIds: [demo.userIds[EMAIL.sc]!],
      guestIds: [demo.userIds[EMAIL.guest]!],
      documentIds: [documentId],
    }),
  );
  expect(created.status, created.text).toBe(201);
  workshopId = created.body.id as string;
  for (const role of ROLES) {
    sockets.set(role, await connectWorkshopSocket(server.baseUrl, clients.get(role)!));
  }
});
afterAll(async () => {
  for (const socket of sockets.values()) socket.disconnect();
  await server.close();
});

describe('live workshop events by role', () => {
  it('refuses a socket without a session at the handshake', async () => {
    await expect(connectSocket(server.baseUrl, null)).rejects.toThrow('unauthenticated');
  });

  it('workshop:join — participants may join; the outsider is told it does not exist', async () => {
    for (const role of ROLES) {
      const ack = await socketOf(role).ask(C.join, { workshopId });
      if (PARTICIPANTS.includes(role)) expect(ack, role).toMatchObject({ ok: true });
      else expect(ack, role).toEqual({ ok: false, error: 'not_found' });
    }
    expect(
      await socketOf('lead').ask(C.control, { workshopId, command: { type: 'goLive' } }),
    ).toEqual({ ok: true });
  });

  it('workshop:control — facilitators only', async () => {
    for (const role of ROLES) {
      const ack = await socketOf(role).ask(C.control, {
        workshopId,
        command: { type: 'timerStart', minutes: 5 },
      });
      expectAnswer(role, FACILITATORS.includes(role), ack, 'timer');
    }
  });

  it('workshop:view — facilitators only (followers follow them)', async () => {
    for (const role of ROLES) {
      const ack = await socketOf(role).ask(C.view, {
        workshopId,
        place: { documentId, anchor: null },
      });
      expectAnswer(role, FACILITATORS.includes(role), ack, 'view');
    }
  });

  it('workshop:hand — every participant raises and lowers their own hand', async () => {
    for (const role of ROLES) {
      const up = await socketOf(role).ask(C.hand, { workshopId, raised: true });
      if (role === 'outsider') expect(up).toEqual({ ok: false, error: 'not_found' });
      else expect(up, role).toEqual({ ok: true });
      if (role !== 'outsider')
        expect(await socketOf(role).ask(C.hand, { workshopId, raised: false })).toEqual({
          ok: true,
        });
    }
  });

  it('poll:open and poll:close — facilitators only; poll:vote — every participant', async () => {
    const open = (role: RoleName) =>
      socketOf(role).ask<{ poll: PollView }>(C.openPoll, {
        workshopId,
        question: `Asked by ${role}`,
        kind: 'single',
        options: ['Yes', 'No'],
      });
    for (const role of ROLES) {
      expectAnswer(role, FACILITATORS.includes(role), await open(role), 'open a poll');
    }
    const opened = await open('lead');
    if (!opened.ok) throw new Error('the lead could not open a poll');
    const { poll } = opened;
    for (const role of ROLES) {
      const ack = await socketOf(role).ask(C.vote, {
        pollId: poll.id,
        allocations: [{ optionId: poll.options[0]!.id, value: 1 }],
      });
      expectAnswer(role, PARTICIPANTS.includes(role), ack, 'vote');
    }
    for (const role of ROLES.filter((r) => !FACILITATORS.includes(r))) {
      expectAnswer(
        role,
        false,
        await socketOf(role).ask(C.closePoll, { pollId: poll.id }),
        'close',
      );
    }
    expect(await socketOf('sc').ask(C.closePoll, { pollId: poll.id })).toMatchObject({ ok: true });
  });

  it('poll:vote — observers are refused once a facilitator turns their vote off', async () => {
    expect(
      await socketOf('lead').ask(C.control, {
        workshopId,
        command: { type: 'setObserversMayVote', value: false },
      }),
    ).toEqual({ ok: true });
    const opened = await socketOf('lead').ask<{ poll: PollView }>(C.openPoll, {
      workshopId,
      question: 'Members only?',
      kind: 'single',
      options: ['Yes', 'No'],
    });
    if (!opened.ok) throw new Error('the lead could not open a poll');
    const vote = (role: RoleName) =>
      socketOf(role).ask(C.vote, {
        pollId: opened.poll.id,
        allocations: [{ optionId: opened.poll.options[1]!.id, value: 1 }],
      });
    expect(await vote('observer')).toEqual({ ok: false, error: 'forbidden' });
    expect(await vote('member')).toMatchObject({ ok: true });
    expect(await vote('guest')).toMatchObject({ ok: true });
  });
});
