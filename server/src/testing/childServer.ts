import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { RecentOutput } from '@polisee/test-support';
import { MongoStore } from '../store/mongo/MongoStore.js';
import type { Store } from '../store/ports.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { mongoUriWithDatabase, TEST_MONGODB_URI } from './mongo.js';
import { TEST_PASSWORD, testDatabaseName } from './testServer.js';

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A free port on 127.0.0.1, so a restarted server comes back where its clients reconnect. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The real server in a child process (from source, through tsx) on a fixed port and data
 * directory, so that it can be SIGKILLed and restarted like a crash in production.
 */
export async function startChildServer(
  dataDir: string,
  port: number,
  /** More settings, e.g. REDIS_URL for processes that serve documents together. */
  env: Record<string, string> = {},
  /**
   * Shell commands run first in the server's own process (`sh -c '<shell>; exec node …'`), e.g.
   * `ulimit` for a resource limit that the test can later lift with prlimit on the child's pid.
   */
  options: { shell?: string } = {},
): Promise<ChildProcess> {
  const node = [process.execPath, '--import', 'tsx', path.join(SERVER_ROOT, 'src/main.ts')];
  const [command, ...args] = options.shell
    ? ['sh', '-c', `${options.shell}; exec "$0" "$@"`, ...node]
    : node;
  const child = spawn(command!, args, {
    cwd: SERVER_ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_PASSWORD: TEST_PASSWORD,
      LOG_LEVEL: 'info',
      // On MongoDB when the suite runs on one: a database of this data directory's own, the
      // same again when the test restarts the process on it.
      ...(TEST_MONGODB_URI
        ? { MONGODB_URI: mongoUriWithDatabase(TEST_MONGODB_URI, testDatabaseName(dataDir)) }
        : {}),
      LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  keepRecentOutput(child, port);
  // Until the server says it listens: what it printed is the error if it never does.
  let onStartData = (_chunk: Buffer) => {};
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`child server did not start:\n${output}`)),
      30_000,
    );
    onStartData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"port":')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onStartData);
    child.stderr!.on('data', onStartData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child server exited with ${code}:\n${output}`));
    });
  }).finally(() => {
    child.stdout!.off('data', onStartData);
    child.stderr!.off('data', onStartData);
  });
  return child;
}

/** Every child this test file started, running or not, with its recent output. */
const started = new Map<ChildProcess, { port: number; output: RecentOutput }>();

function keepRecentOutput(child: ChildProcess, port: number) {
  started.set(child, { port, output: new RecentOutput(child) });
}

/**
 * Prints, for every child server this test file started, its recent log lines at warning level
 * or above (and anything not JSON, such as a crash's stack): for a test to call when it fails,
 * since what the servers saw is otherwise lost.
 */
export function reportChildServers(why: string) {
  for (const [child, { port, output }] of started) {
    const warnings = output.warnings();
    console.warn(
      `${why}: server on port ${port} (pid ${child.pid}, ${stateOf(child)}), ` +
        `${warnings.length} warnings in its last ${output.lines.length} lines:\n${warnings.join('\n')}`,
    );
  }
}

/**
 * A few lines on each child server (state, last warnings: time, message, error), short enough
 * to go into a failing assertion's message, which a CI log's tail shows.
 */
export function childServersInBrief(lastWarnings = 4): string {
  return [...started]
    .map(([child, { port, output }]) =>
      [
        `port ${port} (${stateOf(child)}), ${output.warnings().length} warnings`,
        ...output.brief(lastWarnings).map((line) => `  ${line}`),
      ].join('\n'),
    )
    .join('\n');
}

const stateOf = (child: ChildProcess) => child.exitCode ?? child.signalCode ?? 'running';

/**
 * The store a child server on `dataDir` uses (its SQLite file, or its MongoDB database), opened
 * beside it or after it stopped, for a test to read what is on disk.
 */
export function openChildStore(dataDir: string): Promise<Store> {
  return TEST_MONGODB_URI
    ? MongoStore.open(TEST_MONGODB_URI, { dbName: testDatabaseName(dataDir) })
    : Promise.resolve(new SqliteStore(path.join(dataDir, 'polisee.db')));
}

/** Removes what child servers stored on `dataDir`: the directory, and its MongoDB database. */
export async function removeChildData(dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  if (!TEST_MONGODB_URI) return;
  const store = await MongoStore.open(TEST_MONGODB_URI, { dbName: testDatabaseName(dataDir) });
  await store.dropDatabase();
  await store.close();
}

export function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export function stopGracefully(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}
