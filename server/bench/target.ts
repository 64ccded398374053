import { randomBytes } from 'node:crypto';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { PoliseeAccess } from './polisee.js';
import { classifyFrame, encodeAuth, encodeSyncStep1, toBytes } from './protocol.js';
import { serverLabel, startServer, type RunningServer, type ServerKind } from './servers.js';
import type { WireEndpoint } from './wire.js';

/**
 * A server under test plus what a client needs to reach it: a document to open and, for ours,
 * the session headers (the references accept anyone).
 */
export interface Target {
  kind: ServerKind;
  label: string;
  server: RunningServer;
  /** Makes room for `count` simultaneous collaboration connections (ours: enough users). */
  prepareClients(count: number): Promise<void>;
  newDocument(title: string): Promise<string>;
  headersFor(clientIndex: number): Record<string, string>;
  stop(): Promise<void>;
}

export async function startTarget(
  kind: ServerKind,
  workDir: string,
  options: { dataDir?: string; env?: Record<string, string>; pin?: boolean } = {},
): Promise<Target> {
  const server = await startServer(kind, workDir, options);
  const base = {
    kind,
    label: serverLabel(kind),
    server,
    stop: () => server.stop(),
  };
  if (kind !== 'ours') {
    return {
      ...base,
      prepareClients: async () => {},
      newDocument: async (title) => `${title}-${randomBytes(4).toString('hex')}`,
      headersFor: () => ({}),
    };
  }
  try {
    const access = await PoliseeAccess.open(server);
    // The browser always sends Origin on a websocket upgrade; ours checks it against the host.
    const origin = server.httpBase;
    return {
      ...base,
      prepareClients: (count) => access.ensureClients(count),
      newDocument: (title) => access.createDocument(title),
      headersFor: (i) => ({ Cookie: access.cookieFor(i), Origin: origin }),
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** How wire client `index` reaches `docName` on `target`. */
export function wireEndpoint(target: Target, docName: string, index: number): WireEndpoint {
  return {
    url: target.server.wsUrl(docName),
    dialect: target.server.dialect,
    headers: target.headersFor(index),
    fragment: FRAGMENT_NAME,
  };
}

/**
 * Whether the collaboration endpoint answers: a websocket opens on a fresh document and a
 * sync frame comes back for our sync step 1. Returns null when it does, or why not.
 */
export async function probeCollab(target: Target): Promise<string | null> {
  const docName = await target.newDocument('bench-probe');
  await target.prepareClients(1);
  const { server } = target;
  return new Promise((resolve) => {
    const ws = new WebSocket(server.wsUrl(docName), { headers: target.headersFor(0) });
    const done = (why: string | null) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      resolve(why);
    };
    const timer = setTimeout(() => done('no sync frame within 5 s'), 5000);
    ws.on('unexpected-response', (_req, res) =>
      done(`the upgrade was answered with HTTP ${res.statusCode}`),
    );
    ws.on('error', (err) => done(`websocket error: ${err.message}`));
    ws.on('close', (code) => done(`closed with ${code} before syncing`));
    ws.on('open', () => {
      const auth = encodeAuth(server.dialect, docName);
      if (auth) ws.send(auth);
      ws.send(encodeSyncStep1(server.dialect, docName, new Y.Doc()));
    });
    ws.on('message', (data) => {
      const kind = classifyFrame(server.dialect, toBytes(data));
      if (kind?.type === 0) done(null);
    });
  });
}
