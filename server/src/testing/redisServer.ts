import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './childServer.js';

export interface TestRedis {
  url: string;
  port: number;
  /** The running server's process id (for CPU figures). */
  readonly pid: number | undefined;
  /** Stops it (its data is in memory only, so a restart starts empty, as after a crash). */
  stop(): Promise<void>;
  /** Stops and starts it again on the same port. */
  restart(): Promise<void>;
  /** Starts it again on the same port after stop(), empty (an outage as long as the test likes). */
  start(): Promise<void>;
}

/**
 * Debian's redis-server on 127.0.0.1 on a free port, in memory only, for the tests of several
 * processes serving documents together. CI installs it (see .ci/run).
 */
export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child = await launch(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child.pid;
    },
    stop: () => stop(child),
    async restart() {
      await stop(child);
      child = await launch(port);
    },
    async start() {
      if (child.exitCode === null && child.signalCode === null) return;
      child = await launch(port);
    },
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not be started (is it installed?): ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
