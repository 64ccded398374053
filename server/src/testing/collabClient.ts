import { testText } from './testText.js';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '@polisee/contracts';

/**
 * A headless stock y-websocket client, as a browser would run it, with the session cookie and
 * our Origin that a browser would send on the upgrade.
 */
export interface CollabTestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
  closeCodes: number[];
  destroy(): void;
}

export function connectCollab(
  baseUrl: string,
  documentId: string,
  options: { cookie?: string | null; origin?: string; connect?: boolean; doc?: Y.Doc } = {},
): CollabTestClient {
  const doc = options.doc ?? new Y.Doc();
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

export const synced = (c: CollabTestClient) => waitFor(() => c.provider.synced, 10_000, 'sync');
