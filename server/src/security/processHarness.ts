import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../testing/childServer.js';
import { TEST_PASSWORD } from '../testing/testServer.js';

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** pino's numeric levels: 50 is error, 60 fatal. */
const ERROR_LEVEL = 50;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Log lines at error level or above, and anything the process wrote that is not JSON. */
  errors: string[];
  /**
   * TCP sockets the server process holds open (Linux /proc), or undefined elsewhere. Those, not
   * every descriptor: a background thread starting meanwhile opens files and pipes of its own
   * (the WAL checkpoint thread its database's three), which no request leaked.
   */
  sockets(): number | undefined;
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * The real server (src/main.ts through tsx) in its own process on 127.0.0.1, with a fresh data
 * directory and a small built client, so that static serving and the single-page fallback
 * are on the path as in production. The child's output is drained (a full pipe would stall
 * it) and only its errors are kept.
 */
export async function startServerProcess(
  options: { preload?: string } = {},
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-edges-'));
  const clientDist = path.join(dataDir, 'client');
  mkdirSync(path.join(clientDist, 'assets'), { recursive: true });
  writeFileSync(path.join(clientDist, 'index.html'), '<!doctype html><title>PoliSEE</title>');
  writeFileSync(path.join(clientDist, 'assets', 'app.js'), 'console.log("app");');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...(options.preload ? ['--import', options.preload] : []),
      path.join(SERVER_ROOT, 'src/main.ts'),
    ],
    {
      cwd: SERVER_ROOT,
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        CLIENT_DIST: clientDist,
        DEMO_PASSWORD: TEST_PASSWORD,
        LOG_LEVEL: 'info',
        LOGIN_RATE_LIMIT: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const errors: string[] = [];
  let started = false;
  let startOutput = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${startOutput}`)),
      30_000,
    );
    const onLine = (line: string) => {
      if (!started) startOutput += `${line}\n`;
      let level = ERROR_LEVEL;
      try {
        level = (JSON.parse(line) as { level?: number }).level ?? ERROR_LEVEL;
      } catch {
        // Not a log line (a stack trace on stderr, the demo password banner): kept below.
      }
      if (level >= ERROR_LEVEL && line.trim()) errors.push(line);
      if (!started && line.includes('"port":')) {
        started = true;
        clearTimeout(timer);
        resolve();
      }
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (buffered + chunk).split('\n');
        buffered = lines.pop()!;
        lines.forEach(onLine);
      });
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${startOutput}`));
    });
  });
  ready.catch(() => {});
  await ready;
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    errors,
    alive,
    sockets: () => openSockets(child.pid!),
    async stop() {
      if (alive()) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RawAnswer {
  /** The status of the first response line, if any arrived. */
  status?: number;
  /** How the exchange ended: a status line, the server closing, or our timeout. */
  outcome: 'answered' | 'closed' | 'timeout';
}

/**
 * Writes raw bytes to the server and waits for the first status line or for the server to
 * close the connection, then goes away (closing our side, as a client that leaves would).
 */
export function rawExchange(port: number, request: Buffer | string, timeoutMs = 5000) {
  return new Promise<RawAnswer>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const finish = (answer: RawAnswer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ outcome: 'timeout' }), timeoutMs);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const line = /^HTTP\/\d\.\d (\d{3})/.exec(received);
      if (line) finish({ outcome: 'answered', status: Number(line[1]) });
      else if (received.length > 64 && !received.startsWith('HTTP/')) finish({ outcome: 'closed' });
    });
    socket.on('close', () => finish({ outcome: 'closed' }));
    socket.write(request);
  });
}

/** A websocket upgrade request for `target`, well formed unless headers say otherwise. */
export function upgradeRequest(target: string, headers: string[] = []) {
  return (
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n` +
    headers.map((h) => `${h}\r\n`).join('') +
    '\r\n'
  );
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Polls until `read()` is at most `target` or `timeoutMs` passed; returns the last reading. */
export async function settle(read: () => number | undefined, target: number, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (value !== undefined && value > target && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = read();
  }
  return value;
}

function openSockets(pid: number): number | undefined {
  const dir = `/proc/${pid}/fd`;
  if (!existsSync(dir)) return undefined;
  const tcp = tcpSocketInodes(pid);
  return readdirSync(dir).filter((fd) => {
    try {
      return tcp.has(/^socket:\[(\d+)\]$/.exec(readlinkSync(`${dir}/${fd}`))?.[1] ?? '');
    } catch {
      return false; // closed since the listing
    }
  }).length;
}

/** The inodes of the TCP sockets in the process's network namespace (its tables' 10th column). */
function tcpSocketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['tcp', 'tcp6']) {
    const file = `/proc/${pid}/net/${table}`;
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const inode = line.trim().split(/\s+/)[9];
      if (inode) inodes.add(inode);
    }
  }
  return inodes;
}
