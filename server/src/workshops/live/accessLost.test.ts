import {
  WORKSHOP_CLIENT_EVENTS as C,
  WORKSHOP_SERVER_EVENTS as S,
  type WorkshopStateEvent,
} from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { readDemoWorkspace, signedIn, workshopRequest } from '../../testing/workshopRequests.js';
import { connectWorkshopSocket, joinWorkshop } from '../../testing/workshopSockets.js';

/**
 * Access is rechecked while a connection sits in a workshop: a member removed from the group
 * leaves the live session at once (presence, attendance) and hears nothing more of it.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('a participant who loses access', () => {
  it('leaves the live session and hears nothing more of it', async () => {
    const admin = await signedIn(server.baseUrl, 'admin@polisee.test');
    const lead = await signedIn(server.baseUrl, 'lead@polisee.test');
    const member = await signedIn(server.baseUrl, 'member@polisee.test');
    const demo = await readDemoWorkspace(admin);
    const created = await lead.post('/api/workshops', workshopRequest(demo.strategyId));
    const workshopId = created.body.id as string;
    const facilitator = await connectWorkshopSocket(server.baseUrl, lead);
    const participant = await connectWorkshopSocket(server.baseUrl, member);
    try {
      await joinWorkshop(facilitator, workshopId);
      await joinWorkshop(participant, workshopId);
      expect(await facilitator.ask(C.control, { workshopId, command: { type: 'goLive' } })).toEqual(
        { ok: true },
      );
      const memberId = demo.userIds['member@polisee.test']!;

      const since = facilitator.received.length;
      const removed = await admin.delete(
        `/api/working-groups/${demo.strategyId}/members/${memberId}`,
      );
      expect(removed.status).toBe(204);
      const after = await facilitator.next<WorkshopStateEvent>(
        S.state,
        since,
        (e) => !e.workshop.present.includes(memberId),
      );
      expect(after.workshop.present).toEqual([demo.userIds['lead@polisee.test']]);
      const stays = await server.ctx.store.workshops.listAttendance(workshopId);
      expect(stays.filter((s) => s.userId === memberId).every((s) => s.leftAt !== null)).toBe(true);

      // Still connected (losing a group is not losing the session), but out of the room.
      expect(participant.connected).toBe(true);
      const heard = participant.received.length;
      expect(await facilitator.ask(C.control, { workshopId, command: { type: 'next' } })).toEqual({
        ok: true,
      });
      await facilitator.next<WorkshopStateEvent>(
        S.state,
        since,
        (e) => e.workshop.currentItem === 1,
      );
      await participant.barrier();
      expect(participant.received.slice(heard).map((r) => r.event)).not.toContain(S.state);
    } finally {
      facilitator.disconnect();
      participant.disconnect();
    }
  });
});
