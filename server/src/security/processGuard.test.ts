import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { guardProcess, inRequestScope } from './processGuard.js';
import { startServerProcess, type ServerProcess } from './processHarness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

async function waitFor(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('process guard', () => {
  it('logs an unhandled rejection and an uncaught exception with the request that caused them', async () => {
    const { logger, lines } = captureLogger();
    const fakeProcess = new EventEmitter();
    guardProcess(logger, fakeProcess as unknown as NodeJS.Process);
    const req = {} as IncomingMessage & { id?: string };
    // The emits happen a turn later, as Node's would: the scope must have travelled with them.
    await inRequestScope(req, async () => {
      await new Promise((r) => setTimeout(r, 1));
      fakeProcess.emit('unhandledRejection', new Error('rejected'), Promise.resolve());
      setImmediate(() =>
        fakeProcess.emit('uncaughtException', new Error('thrown'), 'uncaughtException'),
      );
      await new Promise((r) => setImmediate(r));
    });
    fakeProcess.emit('unhandledRejection', new Error('outside any request'), Promise.resolve());

    expect(req.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((l) => [l.msg, l.requestId, (l.err as { message: string }).message])).toEqual([
      ['unhandled rejection', req.id, 'rejected'],
      ['uncaught exception', req.id, 'thrown'],
      ['unhandled rejection', undefined, 'outside any request'],
    ]);
  });

  describe('in the real server process', () => {
    let server: ServerProcess | undefined;
    afterAll(() => server?.stop());

    it('keeps serving after an unhandled rejection and an uncaught exception', async () => {
      server = await startServerProcess({ preload: path.join(here, 'processFaults.ts') });
      server.child.kill('SIGUSR2');
      await waitFor(
        () =>
          !server!.alive() ||
          (server!.errors.some((l) => l.includes('injected unhandled rejection')) &&
            server!.errors.some((l) => l.includes('injected uncaught exception'))),
      );
      expect(server.alive()).toBe(true);
      const health = await fetch(`${server.baseUrl}/api/health`);
      expect(health.status).toBe(200);
      expect(server.errors.filter((l) => l.includes('"msg":"unhandled rejection"'))).toHaveLength(
        1,
      );
      expect(server.errors.filter((l) => l.includes('"msg":"uncaught exception"'))).toHaveLength(1);
    });
  });
});
