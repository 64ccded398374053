import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { EditingClient, SocketProbe } from './clients.js';
import { OwnParagraph } from './paragraph.js';
import {
  type WireDialect,
  classifyFrame,
  encodeAuth,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.js';
import { RawSocket } from './rawsocket.js';
import { clock } from './util.js';

/**
 * A protocol-level client for large N. It speaks the same wire protocol as the stock providers
 * and sends real Yjs updates from its own Y.Doc, but it does not apply what it receives: it only
 * looks for tokens in the frames. At N = 200 every edit reaches 199 clients; with full replicas
 * the bench process would apply ~80,000 updates/s and become the bottleneck it is measuring.
 * It talks over RawSocket, a minimal websocket client (see there why).
 * Its local doc holds only its own paragraph, so its inserts name only its own items as
 * origins, which is valid Yjs: the server and the full replicas integrate them as usual.
 */
/** Where a wire client connects: plain data, so that a generator thread can receive it. */
export interface WireEndpoint {
  url: string;
  dialect: WireDialect;
  headers: Record<string, string>;
  /** The shared type clients type into (FRAGMENT_NAME). */
  fragment: string;
}

export class WireClient implements EditingClient {
  readonly doc = new Y.Doc();
  private readonly paragraph: OwnParagraph;
  private socket: RawSocket | undefined;

  constructor(
    private readonly endpoint: WireEndpoint,
    private readonly docName: string,
    readonly index: number,
    private readonly probe: SocketProbe = {},
  ) {
    this.paragraph = new OwnParagraph(this.doc, endpoint.fragment);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.send(encodeUpdate(this.endpoint.dialect, this.docName, update));
    });
  }

  async connect(timeoutMs = 30_000): Promise<void> {
    const { dialect } = this.endpoint;
    let synced = false;
    let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    // Awaited below; this only stops a rejection during the upgrade from going unhandled.
    done.catch(() => {});
    const fail = (why: string) => {
      if (!synced) settle!.reject(new Error(why));
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      fail(`no sync within ${timeoutMs} ms`);
    }, timeoutMs);
    try {
      const opening = RawSocket.open(this.endpoint.url, this.endpoint.headers, {
        onClose: (code, reason) => fail(`closed with ${code} ${reason}`),
        onMessage: (bytes, at) => {
          this.probe.onFrame?.(bytes, at);
          if (synced) return;
          const frame = classifyFrame(dialect, bytes);
          if (frame?.type !== 0) return;
          if (frame.syncType === 0) {
            // The server's step 1: answer with what it lacks of ours, as the provider does.
            const stateVector = decoding.readVarUint8Array(frame.decoder);
            this.send(encodeSyncStep2(dialect, this.docName, this.doc, stateVector));
          } else if (frame.syncType === 1) {
            synced = true;
            settle!.resolve();
          }
        },
      });
      // A socket that opens after the time-out has already failed this client: close it.
      opening.then((s) => timedOut && s.close()).catch(() => {});
      this.socket = await Promise.race([opening, done.then(() => opening)]);
      const auth = encodeAuth(dialect, this.docName);
      if (auth) this.send(auth);
      this.send(encodeSyncStep1(dialect, this.docName, this.doc));
      await done;
    } catch (err) {
      throw new Error(`wire client ${this.index}: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  addParagraph(initial?: string): void {
    this.paragraph.add(initial);
  }

  append(text: string): void {
    this.paragraph.append(text);
  }

  /** Sends an update made elsewhere (a recorded history) as this client. */
  sendUpdate(update: Uint8Array): void {
    this.send(encodeUpdate(this.endpoint.dialect, this.docName, update));
  }

  get bufferedAmount(): number {
    return this.socket?.bufferedAmount ?? 0;
  }

  close(): void {
    this.socket?.close();
    this.doc.destroy();
  }

  private send(bytes: Uint8Array): void {
    if (!this.socket) return;
    this.probe.onSend?.(bytes, clock());
    this.socket.send(bytes);
  }
}
