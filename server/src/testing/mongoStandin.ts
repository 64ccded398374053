import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './childServer.js';

const run = promisify(execFile);

/**
 * Where `npm run test:mongo` found the MongoDB-wire stand-in (it exports MONGO_STANDIN_DIR when
 * it runs on it). A test that must freeze its MongoDB starts a stand-in of its own from there:
 * the shared one serves the rest of the suite, and a real server is not ours to freeze.
 */
export const STANDIN_DIR: string | undefined = process.env.MONGO_STANDIN_DIR || undefined;

export interface PrivateStandin {
  uri: string;
  /** SIGSTOP: the process stays, its sockets stay open, and it answers nothing. */
  freeze(): void;
  /** SIGCONT: it answers again, starting with what it was sent meanwhile. */
  thaw(): void;
  stop(): Promise<void>;
}

/** A stand-in of this test's own on a free 127.0.0.1 port (start.sh/stop.sh of STANDIN_DIR). */
export async function startPrivateStandin(): Promise<PrivateStandin> {
  if (!STANDIN_DIR) throw new Error('no stand-in: set MONGO_STANDIN_DIR (npm run test:mongo does)');
  const dir = mkdtempSync(path.join(tmpdir(), 'polisee-standin-'));
  const pidFile = path.join(dir, 'standin.pid');
  const port = await freePort();
  await run('bash', [path.join(STANDIN_DIR, 'start.sh'), String(port), pidFile]);
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return {
    uri: `mongodb://127.0.0.1:${port}/?maxPoolSize=2`,
    freeze: () => process.kill(pid, 'SIGSTOP'),
    thaw: () => process.kill(pid, 'SIGCONT'),
    async stop() {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // Already gone.
      }
      await run('bash', [path.join(STANDIN_DIR!, 'stop.sh'), pidFile]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
