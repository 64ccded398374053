import type * as Y from 'yjs';
import { decodeStoredState } from '../content/yjsContent.js';
import { openChildStore } from './childServer.js';
import { waitFor, type CollabTestClient } from './collabClient.js';
import { TestClient } from './httpClient.js';
import { insertTestText, testText } from './testText.js';

/**
 * What the crash and scale-out tests share: a plan to edit, clients typing numbered tokens
 * until told to stop, and the checks that nobody lost one (in the replicas and on disk).
 */

/** A new joint strategic plan in `groupId`, created over REST with the lead's session cookie. */
export async function createPlan(
  baseUrl: string,
  cookie: string,
  groupId: string,
  title = 'Plan under test',
): Promise<string> {
  const c = new TestClient(baseUrl);
  (c as unknown as { cookie: string }).cookie = cookie;
  const res = await c.post('/api/documents', {
    title,
    kind: 'joint_strategic_plan',
    workingGroupId: groupId,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  return res.body.id as string;
}

/** The document as a child server stored it, read from its store while it runs or after. */
export async function coldLoad(dataDir: string, documentId: string): Promise<Y.Doc> {
  const store = await openChildStore(dataDir);
  try {
    return decodeStoredState((await store.documentState.load(documentId))!);
  } finally {
    await store.close();
  }
}

/** Waits until the stored text is `expected` (the last writes land within a flush window). */
export async function storedTextBecomes(
  dataDir: string,
  documentId: string,
  expected: () => string,
  timeoutMs = 10_000,
): Promise<string> {
  const started = Date.now();
  for (;;) {
    const doc = await coldLoad(dataDir, documentId);
    const stored = testText(doc);
    doc.destroy();
    if (stored === expected() || Date.now() - started > timeoutMs) return stored;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Anywhere between two tokens (not inside one, which would split it). */
export function randomTokenBoundary(text: string): number {
  const boundaries = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '>') boundaries.push(i + 1);
  return boundaries[Math.floor(Math.random() * boundaries.length)]!;
}

export interface EditStorm {
  /** Every token typed so far, by any client. */
  tokens: string[];
  /** Stops typing and resolves once every client has stopped. */
  stop(): Promise<void>;
}

/**
 * Each client types `<{prefix}{client}t{n}>` tokens at random token boundaries every 10–30 ms
 * (or at the `pace` given) until stopped. `clients` is read at each keystroke, so a test may
 * swap a client for one connected elsewhere (as a load balancer would after a crash) while the
 * storm goes on.
 */
export function startEditStorm(
  clients: () => CollabTestClient[],
  prefix: string,
  pace: { minMs: number; maxMs: number } = { minMs: 10, maxMs: 30 },
): EditStorm {
  const tokens: string[] = [];
  let typing = true;
  const typists = clients().map(async (_, i) => {
    for (let n = 0; typing; n++) {
      const doc = clients()[i]!.doc;
      const token = `<${prefix}${i}t${n}>`;
      insertTestText(doc, randomTokenBoundary(testText(doc)), token);
      tokens.push(token);
      await new Promise((r) =>
        setTimeout(r, pace.minMs + Math.random() * (pace.maxMs - pace.minMs)),
      );
    }
  });
  return {
    tokens,
    async stop() {
      typing = false;
      await Promise.all(typists);
    },
  };
}

/**
 * Waits until every client holds the same text and it holds every token; on a timeout, says
 * for each client how far it got.
 */
export async function allConverge(
  clients: CollabTestClient[],
  tokens: string[],
  what: string,
  timeoutMs = 20_000,
): Promise<string> {
  const reference = () => clients[0]!.text();
  await waitFor(
    () =>
      clients.every((c) => c.provider.synced && c.text() === reference()) &&
      tokens.every((t) => reference().includes(t)),
    timeoutMs,
    what,
  ).catch((err: unknown) => {
    const report = clients.map(
      (c, i) =>
        `client ${i} (connected ${c.provider.wsconnected}): ${c.text().length} chars, ` +
        `missing ${tokens.filter((t) => !c.text().includes(t)).length} of ${tokens.length}`,
    );
    throw new Error(`${String(err)}\n${report.join('\n')}`);
  });
  return reference();
}
