import { testText } from './testText.js';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { COLLAB_MESSAGE, COLLAB_PATH } from '@polisee/contracts';

/**
 * A headless stock y-websocket client, as a browser would run it, with the session cookie and
 * our Origin that a browser would send on the upgrade.
 */
export interface CollabTestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
  closeCodes: number[];
  /**
   * Resolves once the server has answered a sync step 1 sent now. It handles one connection's
   * frames in order, so every frame this client sent before has been processed (applied,
   * queued for the room's next batch, or dropped): the barrier before asserting that nothing
   * happened (never a fixed sleep).
   */
  roundTrip(): Promise<void>;
  destroy(): void;
}

/**
 * In Node, every stock provider adds a process 'exit' listener (removed on destroy) to say its
 * user left. Tests hold up to dozens of clients at once: that many listeners is expected, not
 * the leak Node's warning at eleven suspects.
 */
const PROVIDERS_AT_ONCE = 200;

export function connectCollab(
  baseUrl: string,
  documentId: string,
  options: { cookie?: string | null; origin?: string; connect?: boolean; doc?: Y.Doc } = {},
): CollabTestClient {
  const doc = options.doc ?? new Y.Doc();
  if (process.getMaxListeners() < PROVIDERS_AT_ONCE) process.setMaxListeners(PROVIDERS_AT_ONCE);
  const headers: Record<string, string> = { origin: options.origin ?? baseUrl };
  if (options.cookie) headers.cookie = options.cookie;
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const provider = new WebsocketProvider(
    baseUrl.replace(/^http/, 'ws') + COLLAB_PATH,
    documentId,
    doc,
    {
      WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
      connect: options.connect ?? true,
      disableBc: true,
      maxBackoffTime: 300,
    },
  );
  const closeCodes: number[] = [];
  provider.on('connection-close', (event: { code: number } | null) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    text: () => testText(doc),
    roundTrip: () =>
      new Promise<void>((resolve, reject) => {
        const ws = provider.ws;
        if (!ws) return reject(new Error('not connected'));
        const onMessage = (event: { data: unknown }) => {
          const bytes = new Uint8Array(event.data as ArrayBuffer);
          const decoder = decoding.createDecoder(bytes);
          if (decoding.readVarUint(decoder) !== COLLAB_MESSAGE.sync) return;
          if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
          ws.removeEventListener('message', onMessage as never);
          resolve();
        };
        ws.addEventListener('message', onMessage as never);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
        syncProtocol.writeSyncStep1(encoder, doc);
        ws.send(encoding.toUint8Array(encoder));
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitFor(
  condition: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs)
        return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export const synced = (c: CollabTestClient) => syncedWithin(10_000)(c);
/** `synced` with its own patience (one argument only: safe to pass to `map`). */
export const syncedWithin = (timeoutMs: number) => (c: CollabTestClient) =>
  waitFor(() => c.provider.synced, timeoutMs, 'sync');
