import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RecentOutput } from '@polisee/test-support';

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
  const running: RunningApp = { output: new RecentOutput(server), pages: new Set() };
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
    runningApps.add(running);
    return {
      baseUrl,
      browser: b,
      async newPage() {
        const context = await b.newContext({
          baseURL: baseUrl,
          viewport: { width: 1366, height: 768 },
        });
        const page = await context.newPage();
        running.pages.add(page);
        page.once('close', () => running.pages.delete(page));
        return { context, page };
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
        runningApps.delete(running);
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
  let onData = (_chunk: Buffer) => {};
  return new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  }).finally(() => {
    server.stdout!.off('data', onData);
    server.stderr!.off('data', onData);
  });
}

/** A started app as a failure report sees it: the server's recent output and the open pages. */
interface RunningApp {
  output: RecentOutput;
  pages: Set<Page>;
}
const runningApps = new Set<RunningApp>();

/** Where failure reports are also written, for CI to print after the whole run (`.ci/run`). */
export const FAILURE_REPORTS = path.join(ROOT, 'client/e2e/artifacts/failures.txt');

/**
 * Prints what each running app's server warned about lately, and where each open page is and
 * what it shows (the saving state, alerts, the main text): a failed wait says only what did
 * not appear, and the server and the pages are gone once the file's afterAll has run. Also
 * appended to FAILURE_REPORTS: a CI log's tail would not reach back to where it was printed.
 */
export async function reportRunningApps(why: string) {
  for (const { output, pages } of runningApps) {
    const warnings = output.warnings();
    const lines = [
      `${why}: the server printed ${warnings.length} warnings in its last ${output.lines.length} lines`,
      ...output.brief(20).map((line) => `  ${line}`),
    ];
    for (const page of pages) lines.push(await describePage(page));
    const report = lines.join('\n');
    console.warn(report);
    mkdirSync(path.dirname(FAILURE_REPORTS), { recursive: true });
    appendFileSync(FAILURE_REPORTS, `${report}\n\n`);
  }
}

async function describePage(page: Page): Promise<string> {
  try {
    const seen = await page.evaluate(() => ({
      saving: document.querySelector('[data-testid="collab-status"]')?.getAttribute('data-state'),
      alerts: [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent ?? ''),
      main: (() => {
        // The panels around the document say more than its text, which would fill the report.
        const main = document.querySelector('main') ?? document.body;
        const text = main.innerText;
        const editor = main.querySelector<HTMLElement>('.ProseMirror')?.innerText ?? '';
        const shown = editor
          ? text.replace(editor, `[document: ${editor.length} characters]`)
          : text;
        return shown.slice(0, 3000);
      })(),
    }));
    return [
      `page ${page.url()} (saving: ${seen.saving ?? 'none'})`,
      ...seen.alerts.filter((a) => a.trim() !== '').map((a) => `  alert: ${a}`),
      `  shows: ${seen.main.replace(/\s+/g, ' ')}`,
    ].join('\n');
  } catch (err) {
    return `page ${page.url()}: could not be read (${(err as Error).message})`;
  }
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
