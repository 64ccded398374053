import { COLLAB_CLOSE } from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  inParallel,
  rawExchange,
  settle,
  startServerProcess,
  upgradeRequest,
  type ServerProcess,
} from './processHarness.js';

/**
 * Security issue 11, findings 1 and 2, against the real server process: a malformed upgrade
 * path is answered 400 instead of ending the process, and an upgrade to a path nobody serves
 * is answered and closed at once instead of holding a file descriptor after the client left.
 */
let server: ServerProcess;

async function healthStatus() {
  return (await fetch(`${server.baseUrl}/api/health`)).status;
}

beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(() => server?.stop());

describe('websocket upgrades at the edge', () => {
  // First, so that it shows the leak even on a server that the malformed paths below would end.
  it('holds no file descriptor for 500 refused upgrades once their clients are gone', async () => {
    const before = server.sockets();
    const answers = await inParallel(
      Array.from({ length: 500 }, () => upgradeRequest('/nothing-here')),
      50,
      // The default patience (5 s): on CI's busy cores 28 of 500 answers once took over 1 s.
      (request) => rawExchange(server.port, request),
    );
    const after = await settle(server.sockets, before ?? 0, 3000);
    console.info(`500 upgrades to /nothing-here: server sockets ${before} before, ${after} after`);
    expect(answers.filter((a) => a.status === 404)).toHaveLength(500);
    if (before !== undefined) expect(after).toBeLessThanOrEqual(before);
  }, 60_000);

  it.each(['/collab/%', '/collab/%E0%A4%A', '/collab/%zz?x=1', '/collab/a%00b', '/socket.io/%'])(
    'answers an upgrade to %s with 400 and stays up',
    async (target) => {
      expect(await rawExchange(server.port, upgradeRequest(target))).toEqual({
        outcome: 'answered',
        status: 400,
      });
      expect(server.alive()).toBe(true);
      expect(await healthStatus()).toBe(200);
    },
  );

  it.each(['/nothing-here', '//', '/collab', '/socket.io', '/api/health', '/collab%2Fx'])(
    'answers an upgrade to %s, which nobody serves, with 404',
    async (target) => {
      expect(await rawExchange(server.port, upgradeRequest(target))).toEqual({
        outcome: 'answered',
        status: 404,
      });
    },
  );

  it('answers an absolute-form upgrade target with 400', async () => {
    const target = `http://127.0.0.1:${server.port}/collab/x`;
    expect(await rawExchange(server.port, upgradeRequest(target))).toEqual({
      outcome: 'answered',
      status: 400,
    });
  });

  it('still hands socket.io and collaboration upgrades to their owners', async () => {
    const engine = new WebSocket(
      `ws://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=websocket`,
    );
    const open = await new Promise<string>((resolve, reject) => {
      engine.once('message', (data) => resolve(String(data)));
      engine.once('error', reject);
    });
    engine.terminate();
    expect(open).toMatch(/^0\{"sid":/);

    const collab = new WebSocket(`ws://127.0.0.1:${server.port}/collab/some-document`);
    const code = await new Promise<number>((resolve, reject) => {
      collab.once('close', (c) => resolve(c));
      collab.once('error', reject);
    });
    expect(code).toBe(COLLAB_CLOSE.unauthorized);

    const polling = await fetch(`${server.baseUrl}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(200);
    expect(await polling.text()).toMatch(/^0\{"sid":/);
  });
});

describe('HTTP requests at the edge', () => {
  it.each([
    '/api/%',
    '/api/invitations/%',
    '/api/invitations/%E0%A4%A',
    '/%E0%A4%A',
    '/assets/%',
    '/documents/%C0%AF',
    '/api/health?x=%',
    '/index.html%00',
    '/socket.io/?EIO=4&transport=polling&x=%E0%A4%A',
  ])('answers GET %s with 400 and stays up', async (target) => {
    expect(await rawExchange(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`)).toEqual({
      outcome: 'answered',
      status: 400,
    });
    expect(await healthStatus()).toBe(200);
  });

  it('answers the malformed URL in the API error shape', async () => {
    const res = await fetch(`${server.baseUrl}/api/invitations/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'validation_failed', message: 'The request URL is malformed.' },
    });
  });

  it('still serves the client and its routes', async () => {
    expect((await fetch(`${server.baseUrl}/documents/%C3%A9t%C3%A9`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/assets/app.js`)).status).toBe(200);
  });
});
