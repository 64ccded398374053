import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { TEST_PASSWORD } from '../testing/testServer.js';
import { generateFuzzCases, type FuzzCase } from './httpFuzzCases.js';
import {
  inParallel,
  rawExchange,
  settle,
  startServerProcess,
  type RawAnswer,
  type ServerProcess,
} from './processHarness.js';

/**
 * 6,000 deterministic malformed requests and upgrades (bad percent-encodings, 64 KiB paths,
 * odd methods and versions, duplicate and oversized headers, bad websocket keys and versions,
 * NUL bytes, broken bodies) against the real server process: it stays up, answers or closes
 * every one of them at once, never with a 5xx where the fault is the request's, and holds no
 * more file descriptors afterwards than before.
 */
const CASES = 6_000;
const SEED = 0x5ee11;
/** Bounded, so the server on two shared cores is probed, not flooded. */
const PARALLEL = 24;
const BATCH = 250;
/** Server errors a malformed request may not cause; 505 is the right answer to HTTP/2.0. */
const SERVER_FAULT = (status: number | undefined) =>
  status !== undefined && status >= 500 && status !== 505;

let server: ServerProcess;
let cases: FuzzCase[];

beforeAll(async () => {
  server = await startServerProcess();
  const client = new TestClient(server.baseUrl);
  await client.login('lead@polisee.test', TEST_PASSWORD);
  const documentId = (await client.get('/api/documents')).body.items[0].id as string;
  cases = generateFuzzCases(CASES, SEED, {
    documentId,
    cookie: client.sessionCookie!,
    origin: server.baseUrl,
  });
});
afterAll(() => server?.stop());

describe('edge fuzz', () => {
  it(`survives ${CASES} malformed requests and upgrades and returns to its socket baseline`, async () => {
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
    const before = server.sockets();
    let crashes = 0;
    const answers: RawAnswer[] = [];
    for (let start = 0; start < cases.length; start += BATCH) {
      const batch = cases.slice(start, start + BATCH);
      answers.push(
        ...(await inParallel(batch, PARALLEL, (c) => rawExchange(server.port, c.bytes, 3000))),
      );
      // Stop at the first crash or hung request: what follows would only repeat it, slowly.
      if (!server.alive()) crashes++;
      if (crashes || answers.some((a) => a.outcome === 'timeout')) break;
    }
    const after = await settle(server.sockets, before ?? 0, 5000);
    const healthy = server.alive() && (await fetch(`${server.baseUrl}/api/health`)).status === 200;

    const byStatus = new Map<string, number>();
    for (const a of answers) {
      const key = a.status === undefined ? a.outcome : String(a.status);
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    }
    const faults = answers
      .map((a, i) => ({ ...a, label: cases[i]!.label }))
      .filter((a) => a.outcome === 'timeout' || SERVER_FAULT(a.status));
    console.info(
      `edge fuzz: ${answers.length} of ${CASES} cases sent ` +
        `(${cases.slice(0, answers.length).filter((c) => c.kind === 'upgrade').length} upgrades), ` +
        `${crashes} crashes, sockets ${before} before / ${after} after, ` +
        `answers ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`,
    );

    expect(crashes).toBe(0);
    expect(healthy).toBe(true);
    expect(answers).toHaveLength(CASES);
    expect(faults.slice(0, 10)).toEqual([]);
    expect(server.errors.filter((l) => /uncaught|unhandled/.test(l))).toEqual([]);
    if (before !== undefined) expect(after).toBeLessThanOrEqual(before);
  }, 120_000);

  it('is deterministic: the same seed gives the same cases', () => {
    const again = generateFuzzCases(CASES, SEED, {
      documentId: 'd',
      cookie: 'c',
      origin: 'o',
    });
    const first = generateFuzzCases(CASES, SEED, { documentId: 'd', cookie: 'c', origin: 'o' });
    expect(again.map((c) => c.bytes.toString('base64'))).toEqual(
      first.map((c) => c.bytes.toString('base64')),
    );
  });
});
