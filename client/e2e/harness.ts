import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Browser-test harness: the real built server (server/dist/main.js serving client/dist) as a
 * child process on 127.0.0.1 with a fresh SQLite data directory, and Debian's Chromium
 * driven by playwright-core. Everything started here is stopped by `stop()`.
 */
export const DEMO_PASSWORD = 'e2e-demo-password';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The flags the workplace requires: no sandbox as root, and nothing that phones home
// (background networking is refused by the closed network and slows every start).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface AppUnderTest {
  baseUrl: string;
  browser: Browser;
  /** A fresh, isolated browser context (its own cookies and storage) with a page. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  login(page: Page, email: string): Promise<void>;
  /** Stops the server process only (the browser stays), e.g. to see the offline state. */
  stopServer(): Promise<void>;
  stop(): Promise<void>;
}

/** `env` adds to the server's environment (e.g. lifting a write limit a test is not about). */
export async function startApp(
  options: { env?: Record<string, string> } = {},
): Promise<AppUnderTest> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-e2e-'));
  const server = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let browser: Browser | undefined;
  try {
    const port = await waitForPort(server);
    const baseUrl = `http://127.0.0.1:${port}`;
    // playwright's launch() gives every browser a fresh temporary --user-data-dir of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const b = browser;
    return {
      baseUrl,
      browser: b,
      async newPage() {
        const context = await b.newContext({
          baseURL: baseUrl,
          viewport: { width: 1366, height: 768 },
        });
        return { context, page: await context.newPage() };
      },
      async login(page, email) {
        await page.goto('/login');
        await page.locator('input[name="email"]').fill(email);
        await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
        await page.locator('form button[type="submit"]').click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      },
      stopServer: () => stopServer(server),
      async stop() {
        await b.close();
        await stopServer(server);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close();
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** The server logs `{"port": N, …}` once it listens on the port the OS chose. */
function waitForPort(server: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const match = /"port":(\d+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
          return;
        }
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    server.kill('SIGTERM');
  });
}
