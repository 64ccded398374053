import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { WireDialect } from './protocol.js';
import { pinnedServerCommand, unpinnedCommand } from './pinning.js';

/**
 * Starting and stopping each server under test. Each runs in its own child process on
 * 127.0.0.1 and a port the OS picks, so that /proc/<pid> figures belong to that server alone.
 * The two reference servers are tiny entry files in targets/, bundled once per run by esbuild
 * (running them under tsx would add its loader thread, ~30 MB of RSS, to their figures).
 */
export type ServerKind = 'ours' | 'reference' | 'hocuspocus';
export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'reference', 'hocuspocus'];

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const serverDir = path.resolve(benchDir, '..');
// Inside node_modules: ignored by git and eslint, and the bundles' bare imports still resolve.
export const BUNDLE_DIR = path.join(serverDir, 'node_modules', '.cache', 'polisee-bench');
export const OURS_ENTRY = path.join(serverDir, 'dist', 'main.js');
export const DEMO_PASSWORD = 'bench-password-1';
/**
 * Extra Node flags for every server under test, for profiling a case without editing the bench:
 * e.g. `BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` (the profile is written when the
 * server exits on the bench's SIGTERM).
 */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Children still running: a bench that crashes or is interrupted must not leave servers behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  dialect: WireDialect;
  httpBase: string;
  /** The y-websocket `serverUrl` (the room name is appended) or the Hocuspocus URL. */
  collabBase: string;
  dataDir: string;
  logFile: string;
  /** The URL a raw websocket opens for `docName`. */
  wsUrl(docName: string): string;
  stop(): Promise<void>;
}

export function packageVersion(name: string, entry = name): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(entry));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '?';
    }
    const up = path.dirname(dir);
    if (up === dir) return '?';
    dir = up;
  }
}

export function serverLabel(kind: ServerKind): string {
  if (kind === 'ours') return 'ours';
  if (kind === 'reference')
    return `y-ws-server ${packageVersion('@y/websocket-server', '@y/websocket-server/utils')}`;
  return `hocuspocus ${packageVersion('@hocuspocus/server')}`;
}

/** The reference servers' entry files and the generator thread (loadworker.ts). */
export async function buildBundles(): Promise<void> {
  await build({
    entryPoints: [
      path.join(benchDir, 'targets', 'reference.ts'),
      path.join(benchDir, 'targets', 'hocuspocus.ts'),
      path.join(benchDir, 'loadworker.ts'),
    ],
    outdir: BUNDLE_DIR,
    entryNames: '[name]',
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
}

/** Why our server cannot be benchmarked, or null when its build is there. */
export function oursBuildProblem(): string | null {
  if (!existsSync(OURS_ENTRY)) {
    return `${path.relative(process.cwd(), OURS_ENTRY)} is missing: run \`npx turbo run build\` first`;
  }
  return null;
}

/** True when a source file is newer than the bundle (the figures would be of old code). */
export function oursBuildIsStale(): boolean {
  const built = statSync(OURS_ENTRY).mtimeMs;
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : statSync(p).mtimeMs > built;
    });
  return walk(path.join(serverDir, 'src'));
}

export async function startServer(
  kind: ServerKind,
  workDir: string,
  /**
   * env: more settings for ours, e.g. REDIS_URL for processes serving documents together; pin:
   * false for several servers at once, which would not fit on the one core of PINNING.
   */
  options: { dataDir?: string; env?: Record<string, string>; pin?: boolean } = {},
): Promise<RunningServer> {
  const serverCommand = (args: string[]): [string, string[]] =>
    options.pin === false
      ? unpinnedCommand(process.execPath, args)
      : pinnedServerCommand(process.execPath, args);
  const stamp = `${kind}-${Date.now().toString(36)}`;
  const dataDir = options.dataDir ?? path.join(workDir, `${stamp}-data`);
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(workDir, `${stamp}.log`);
  const out = openSync(logFile, 'a');

  let child: ChildProcess;
  if (kind === 'ours') {
    child = spawn(...serverCommand([...NODE_ARGS, OURS_ENTRY]), {
      cwd: path.resolve(serverDir, '..'),
      stdio: ['ignore', out, out],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        DEMO_PASSWORD,
        LOG_LEVEL: 'info',
        LOGIN_RATE_LIMIT: '100000',
        // The bench invites its users one after another, far faster than an administrator would.
        INVITATION_RATE_LIMIT: '100000',
        ...options.env,
      },
    });
  } else {
    child = spawn(...serverCommand([...NODE_ARGS, path.join(BUNDLE_DIR, `${kind}.mjs`)]), {
      cwd: serverDir,
      stdio: ['ignore', out, out],
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
    });
  }
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the ${kind} server`);
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );

  let port: number;
  try {
    port = await waitForPort(logFile, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  const httpBase = `http://127.0.0.1:${port}`;
  const dialect: WireDialect = kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket';
  const collabBase = kind === 'ours' ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`;
  return {
    kind,
    pid,
    port,
    dialect,
    httpBase,
    collabBase,
    dataDir,
    logFile,
    wsUrl: (docName) => (dialect === 'hocuspocus' ? collabBase : `${collabBase}/${docName}`),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** Our server logs `"port":N` in its pino start line; the targets print `{"port":N}`. */
async function waitForPort(logFile: string, child: ChildProcess): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}:\n${tail(logFile)}`);
    }
    const match = /"port":(\d+)/.exec(readFileSync(logFile, 'utf8'));
    if (match && Number(match[1]) > 0) return Number(match[1]);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not report its port within 30 s:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
