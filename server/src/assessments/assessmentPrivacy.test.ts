import { CLIENT_EVENTS, SERVER_EVENTS } from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMatrix } from '../testing/assessmentDocuments.js';
import type { TestClient } from '../testing/httpClient.js';
import { connectSocket, type TestSocket } from '../testing/socketClient.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { signedIn } from '../testing/workshopRequests.js';

/**
 * Privacy on the wire: three scorers score one cell privately. One of them, the lead and an
 * admin read everything they can of the document over REST, with a socket.io client subscribed
 * to it that records every raw frame. Before reveal no other scorer's score or rationale is in
 * any of it; after reveal, all of them are.
 */
let server: TestServer;
const as: Record<string, TestClient> = {};
const sockets: Record<string, TestSocket> = {};
/** Raw engine.io frames each reader's socket received. */
const frames: Record<string, string[]> = {};
let docId: string;
let matrixId: string;
let cell: { rowId: string; criterionId: string };

const SCORERS = { member: 1, sc: 5, observer: 3 } as const;
type Scorer = keyof typeof SCORERS;
const rationaleOf = (who: Scorer) => `rationale-of-${who}-${docId.slice(0, 8)}`;
const READERS = ['member', 'lead', 'admin'] as const;

beforeAll(async () => {
  server = await startTestServer();
  for (const email of [
    'admin@polisee.test',
    'lead@polisee.test',
    'member@polisee.test',
    'observer@polisee.test',
    'sc@polisee.test',
  ]) {
    as[email.split('@')[0]!] = await signedIn(server.baseUrl, email);
  }
  const groups = await as.lead!.get('/api/working-groups');
  const strategy = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await as.lead!.post('/api/documents', {
    title: 'Regional assessment',
    kind: 'workshop_notes',
    workingGroupId: strategy.id,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  docId = created.body.id;
  const matrix = await appendMatrix(server, docId, { allowObservers: true });
  matrixId = matrix.matrixId;
  cell = { rowId: matrix.rowIds[0]!, criterionId: matrix.criterionIds[0]! };
  for (const who of READERS) {
    const socket = await connectSocket(server.baseUrl, as[who]!.sessionCookie);
    frames[who] = [];
    socket.io.engine.on('packet', (packet: { data?: unknown }) => {
      if (typeof packet.data === 'string') frames[who]!.push(packet.data);
    });
    expect(await socket.request(CLIENT_EVENTS.subscribeDocument, { documentId: docId })).toEqual({
      ok: true,
    });
    sockets[who] = socket;
  }
});
afterAll(async () => {
  Object.values(sockets).forEach((s) => s.disconnect());
  await server.close();
});

/** Everything a reader may fetch about the document, as raw response bodies. */
async function readEverything(who: string): Promise<string[]> {
  const paths = [
    `/api/documents/${docId}/assessments/${matrixId}`,
    `/api/documents/${docId}`,
    `/api/documents/${docId}/content`,
    `/api/documents/${docId}/blocks`,
    `/api/documents/${docId}/threads`,
    `/api/documents/${docId}/versions`,
    '/api/activity',
    '/api/notifications',
  ];
  const bodies: string[] = [];
  for (const path of paths) {
    const res = await as[who]!.get(path);
    bodies.push(res.text);
  }
  return bodies;
}

/** A scorer's score of the cell, or rationale, as it would appear in a JSON body. */
function tracesOf(who: Scorer): RegExp[] {
  return [new RegExp(`"score":\\s*${SCORERS[who]}\\b`), new RegExp(rationaleOf(who))];
}

describe('scores on the wire', () => {
  it('reach nobody but their scorer before reveal, and every reader after', async () => {
    const written: Record<string, string> = {};
    for (const who of Object.keys(SCORERS) as Scorer[]) {
      const res = await as[who]!.put(`/api/documents/${docId}/assessments/${matrixId}/scores`, {
        ...cell,
        score: SCORERS[who],
        rationale: rationaleOf(who),
      });
      expect(res.status, res.text).toBe(200);
      written[who] = res.text;
    }
    // The scorer's own answer has their score and nothing of the others'.
    for (const who of Object.keys(SCORERS) as Scorer[]) {
      for (const other of Object.keys(SCORERS) as Scorer[]) {
        for (const trace of tracesOf(other)) {
          expect(trace.test(written[who]!), `${who}'s answer vs ${other}`).toBe(other === who);
        }
      }
    }

    for (const who of READERS) {
      await sockets[who]!.barrier();
      const bodies = await readEverything(who);
      // The count of scorers is there: progress leaks no score.
      expect(JSON.parse(bodies[0]!)).toMatchObject({ scorerCount: 3, phase: 'scoring' });
      const wire = [...bodies, ...frames[who]!].join('\n');
      for (const scorer of Object.keys(SCORERS) as Scorer[]) {
        if (scorer === who) continue;
        for (const trace of tracesOf(scorer)) {
          expect(trace.test(wire), `${who} received ${scorer}'s ${trace}`).toBe(false);
        }
      }
      expect(frames[who]!.some((f) => f.includes(SERVER_EVENTS.assessmentChanged))).toBe(true);
      // The events said that something changed, and nothing else.
      const events = sockets[who]!.received.filter(
        (e) => e.event === SERVER_EVENTS.assessmentChanged,
      );
      expect(events.length, who).toBeGreaterThanOrEqual(3);
      for (const e of events) expect(e.payload).toEqual({ documentId: docId, matrixId });
    }

    const reveal = await as.lead!.post(`/api/documents/${docId}/assessments/${matrixId}/reveal`);
    expect(reveal.status, reveal.text).toBe(200);
    for (const who of READERS) {
      await sockets[who]!.barrier();
      expect(sockets[who]!.received.at(-1)?.event).toBe(SERVER_EVENTS.assessmentChanged);
      const bodies = await readEverything(who);
      for (const scorer of Object.keys(SCORERS) as Scorer[]) {
        for (const trace of tracesOf(scorer)) {
          expect(trace.test(bodies[0]!), `${who} sees ${scorer}'s ${trace}`).toBe(true);
        }
      }
    }
  });
});
