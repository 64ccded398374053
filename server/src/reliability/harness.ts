import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { inject } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { TEST_PASSWORD } from '../testing/testServer.js';

/**
 * What the reliability cases share. Each case runs at two sizes: small inside `npm test` (the
 * smoke run, about two minutes for all on two cores) and full under `npm run test:reliability`,
 * whose `reliability` project (vitest.config.ts) provides the values below. Each case prints
 * one line of figures.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the `reliability` project: full sizes. */
    reliabilityFull?: boolean;
    /** The soak's length in the full run (SOAK_MINUTES, else 10). */
    soakMinutes?: number;
  }
}

export const FULL = inject('reliabilityFull') === true;

/** `smoke` in `npm test`, `full` under `npm run test:reliability`. */
export function size<T>(smoke: T, full: T): T {
  return FULL ? full : smoke;
}

/**
 * Each storm client's pause between tokens. Full-size storms last minutes (every restart takes
 * seconds), and each keystroke of a test client reads the whole text: at the 10–30 ms of the
 * smoke run, 20 clients grow it so fast that the test process itself starves (a first full run
 * stalled), so the full run types ten times slower, still ~100 tokens a second in all.
 */
export const STORM_PACE = size({ minMs: 10, maxMs: 30 }, { minMs: 100, maxMs: 300 });

/** The soak's length: 20 s in the smoke run, SOAK_MINUTES (else 10 min) in the full run. */
export function soakMs(): number {
  return FULL ? (inject('soakMinutes') ?? 10) * 60_000 : 20_000;
}

const integer = new Intl.NumberFormat('en-US');
export const count = (n: number) => integer.format(n);
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The case's one line of figures, marked to be easy to pick out of the test output. */
export const figureLine = (line: string) => `reliability | ${line}`;

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The lead's session and working group, from a server seeded with the demo data. */
export async function signInLead(baseUrl: string): Promise<{ cookie: string; groupId: string }> {
  const c = new TestClient(baseUrl);
  await c.login('lead@polisee.test', TEST_PASSWORD);
  const groupId = (await c.get('/api/working-groups')).body.items.find(
    (g: { myRole: string }) => g.myRole === 'wg_lead',
  ).id as string;
  return { cookie: c.sessionCookie!, groupId };
}

/** Strong enough for the server's password rules (the demo password is only for seeded users). */
const EDITOR_PASSWORD = 'harbour violet kettle 1903';

/**
 * `count` more members of the working group, invited by the demo admin and signed in; their
 * session cookies. The server admits COLLAB_LIMITS.maxConnectionsPerUser connections per user,
 * so hundreds of editors need several users.
 */
export async function inviteEditors(
  baseUrl: string,
  groupId: string,
  count: number,
): Promise<string[]> {
  const admin = new TestClient(baseUrl);
  const organisationId = (await admin.login('admin@polisee.test', TEST_PASSWORD)).organisation
    .id as string;
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const invited = await admin.post('/api/invitations', {
      email: `editor-${randomUUID()}@polisee.test`,
      organisationId,
      membership: { workingGroupId: groupId, role: 'wg_member' },
    });
    if (invited.status !== 201) throw new Error(`invitation failed: ${invited.text}`);
    const token = (invited.body.acceptPath as string).split('/').pop()!;
    const editor = new TestClient(baseUrl);
    const accepted = await editor.post(`/api/invitations/${token}/accept`, {
      name: `Editor ${i + 1}`,
      password: EDITOR_PASSWORD,
    });
    if (!editor.sessionCookie) throw new Error(`accepting failed: ${accepted.text}`);
    cookies.push(editor.sessionCookie);
  }
  return cookies;
}

/** The resident set size of a process, from Linux's /proc. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kib) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** The pino lines a child server writes from now on, parsed (other output is ignored). */
export function collectLogs(child: ChildProcess): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line (the demo password banner, a stack trace).
      }
    });
  }
  return lines;
}
