import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { OwnParagraph } from './paragraph.js';
import { toBytes } from './protocol.js';
import type { Target } from './target.js';
import { clock } from './util.js';

/**
 * Headless editors (see paragraph.ts for what they type and where). `ProviderClient` is the stock provider of each server (y-websocket's
 * WebsocketProvider, or HocuspocusProvider): a full replica that applies every update.
 */
export interface EditingClient {
  readonly index: number;
  readonly doc: Y.Doc;
  /** Resolves once the first sync with the server is done. */
  connect(timeoutMs?: number): Promise<void>;
  addParagraph(initial?: string): void;
  /** One edit as BENCH_EDIT says (paragraph.ts), as one transaction. */
  append(text: string): void;
  close(): void;
}

/** Sees every frame a client's socket sends or receives, at the instant it does. */
export interface SocketProbe {
  onFrame?(bytes: Uint8Array, at: number): void;
  onSend?(bytes: Uint8Array, at: number): void;
}

/** A `ws` WebSocket that sends our headers (session cookie, Origin) and reports its frames. */
export function probedWebSocket(headers: Record<string, string>, probe: SocketProbe = {}) {
  return class ProbedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
      // The providers report failures through close events; an 'error' emitted after a provider
      // dropped its listeners (destroy() while still connecting) must not end the whole run.
      this.on('error', () => {});
      const { onFrame } = probe;
      // Registered before the provider's own listener, so it runs first: arrival, then apply.
      if (onFrame) this.on('message', (data) => onFrame(toBytes(data), clock()));
    }

    override send(data: unknown, ...rest: unknown[]): void {
      probe.onSend?.(toBytes(data), clock());
      (super.send as (...a: unknown[]) => void)(data, ...rest);
    }
  };
}

export function fragmentText(doc: Y.Doc): string {
  return doc.getXmlFragment(FRAGMENT_NAME).toString();
}

export class ProviderClient implements EditingClient {
  readonly doc = new Y.Doc();
  private readonly paragraph = new OwnParagraph(this.doc, FRAGMENT_NAME);
  private ywsProvider: WebsocketProvider | undefined;
  private hpProvider: HocuspocusProvider | undefined;
  private hpSocket: HocuspocusProviderWebsocket | undefined;

  constructor(
    private readonly target: Target,
    private readonly docName: string,
    readonly index: number,
    private readonly probe: SocketProbe = {},
  ) {}

  connect(timeoutMs = 30_000): Promise<void> {
    const { server } = this.target;
    const WS = probedWebSocket(this.target.headersFor(this.index), this.probe);
    return new Promise((resolve, reject) => {
      let lastClose = 'no close seen';
      const timer = setTimeout(
        () =>
          reject(new Error(`client ${this.index} did not sync in ${timeoutMs} ms (${lastClose})`)),
        timeoutMs,
      );
      const synced = () => {
        clearTimeout(timer);
        resolve();
      };
      if (server.dialect === 'hocuspocus') {
        this.hpSocket = new HocuspocusProviderWebsocket({
          url: server.collabBase,
          WebSocketPolyfill: WS,
        });
        this.hpProvider = new HocuspocusProvider({
          websocketProvider: this.hpSocket,
          name: this.docName,
          document: this.doc,
        });
        this.hpProvider.on('synced', synced);
        this.hpProvider.on('close', ({ event }: { event: { code: number } }) => {
          lastClose = `closed with ${event.code}`;
        });
        this.hpProvider.attach();
      } else {
        this.ywsProvider = new WebsocketProvider(server.collabBase, this.docName, this.doc, {
          WebSocketPolyfill: WS as unknown as typeof globalThis.WebSocket,
          disableBc: true,
        });
        this.ywsProvider.on('sync', (isSynced: boolean) => isSynced && synced());
        this.ywsProvider.on(
          'connection-close',
          (event: { code?: number; reason?: string } | null) => {
            lastClose = `closed with ${event?.code ?? '?'} ${event?.reason ?? ''}`;
          },
        );
      }
    });
  }

  addParagraph(initial?: string): void {
    this.paragraph.add(initial);
  }

  append(text: string): void {
    this.paragraph.append(text);
  }

  /** Types at the end of this client's paragraph (content built before connecting). */
  type(text: string): void {
    this.paragraph.type(text);
  }

  close(): void {
    this.ywsProvider?.destroy();
    this.hpProvider?.destroy();
    this.hpSocket?.destroy();
    this.doc.destroy();
  }
}
