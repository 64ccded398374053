import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import { clock } from './util.js';

/**
 * A minimal RFC 6455 client for the wire clients: binary frames out (masked, as a client must),
 * frames in parsed straight from the TCP chunks with no per-frame copies or events. At N = 200
 * the bench receives ~80,000 frames/s; through `ws` that cost ~12 µs each, a whole core of the
 * two this machine has, so the generator, not the server, set the latency.
 *
 * No permessage-deflate is offered; none of the three servers enables it anyway.
 */
export interface RawSocketHandlers {
  /** One complete binary message; `payload` is only valid during the call. */
  onMessage(payload: Uint8Array, at: number): void;
  onClose(code: number, reason: string): void;
}

const OP_CONTINUATION = 0x0;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

export class RawSocket {
  private readonly mask = randomBytes(4);
  private pending: Buffer | null = null;
  private fragments: Buffer[] = [];
  private closed = false;
  bytesReceived = 0;

  private constructor(
    private readonly socket: Socket,
    private readonly handlers: RawSocketHandlers,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.finish(1006, 'connection lost'));
    socket.on('error', () => this.finish(1006, 'socket error'));
  }

  static open(
    url: string,
    headers: Record<string, string>,
    handlers: RawSocketHandlers,
  ): Promise<RawSocket> {
    const target = new URL(url);
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        headers: {
          ...headers,
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        },
      });
      req.on('upgrade', (_res, socket, head) => {
        const raw = new RawSocket(socket, handlers);
        resolve(raw);
        // Frames that came with the 101 are handled once the caller holds the socket.
        if (head.length > 0) setImmediate(() => raw.onData(head));
      });
      req.on('response', (res) => {
        res.resume();
        reject(new Error(`upgrade answered ${res.statusCode}`));
      });
      req.on('error', reject);
      req.end();
    });
  }

  get bufferedAmount(): number {
    return this.socket.writableLength;
  }

  send(payload: Uint8Array): void {
    if (this.closed) return;
    this.socket.write(this.frame(OP_BINARY, payload));
  }

  /** A normal close (1000); the server answers and ends the TCP connection. */
  close(): void {
    if (this.closed) return;
    this.socket.end(this.frame(OP_CLOSE, Uint8Array.of(0x03, 0xe8)));
    this.closed = true;
    this.handlers.onClose(1000, 'closed by client');
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.handlers.onClose(code, reason);
  }

  private frame(opcode: number, payload: Uint8Array): Buffer {
    const n = payload.byteLength;
    const headerLength = n < 126 ? 2 : n < 65536 ? 4 : 10;
    const out = Buffer.allocUnsafe(headerLength + 4 + n);
    out[0] = 0x80 | opcode;
    if (n < 126) {
      out[1] = 0x80 | n;
    } else if (n < 65536) {
      out[1] = 0x80 | 126;
      out.writeUInt16BE(n, 2);
    } else {
      out[1] = 0x80 | 127;
      out.writeBigUInt64BE(BigInt(n), 2);
    }
    this.mask.copy(out, headerLength);
    const body = headerLength + 4;
    for (let i = 0; i < n; i++) out[body + i] = payload[i]! ^ this.mask[i & 3]!;
    return out;
  }

  private onData(chunk: Buffer): void {
    const at = clock();
    this.bytesReceived += chunk.length;
    let buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let pos = 0;
    while (buf.length - pos >= 2) {
      const b0 = buf[pos]!;
      const b1 = buf[pos + 1]!;
      let length = b1 & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buf.length - pos < 4) break;
        length = buf.readUInt16BE(pos + 2);
        header = 4;
      } else if (length === 127) {
        if (buf.length - pos < 10) break;
        length = Number(buf.readBigUInt64BE(pos + 2));
        header = 10;
      }
      // Servers never mask; a masked frame would carry 4 more header bytes.
      if (b1 & 0x80) header += 4;
      if (buf.length - pos < header + length) break;
      const payload = buf.subarray(pos + header, pos + header + length);
      pos += header + length;
      this.onFrame(b0 & 0x0f, (b0 & 0x80) !== 0, payload, at);
      if (this.closed) return;
    }
    if (pos < buf.length) {
      // Keep the partial frame; copy it off a chunk the socket may reuse.
      buf = buf.subarray(pos);
      this.pending = Buffer.from(buf);
    }
  }

  private onFrame(opcode: number, fin: boolean, payload: Buffer, at: number): void {
    if (opcode === OP_BINARY || opcode === OP_CONTINUATION) {
      if (!fin || this.fragments.length > 0) {
        this.fragments.push(Buffer.from(payload));
        if (!fin) return;
        const whole = Buffer.concat(this.fragments);
        this.fragments = [];
        this.handlers.onMessage(whole, at);
        return;
      }
      this.handlers.onMessage(payload, at);
    } else if (opcode === OP_PING) {
      this.socket.write(this.frame(OP_PONG, payload));
    } else if (opcode === OP_CLOSE) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      const reason = payload.subarray(2).toString('utf8');
      this.socket.end();
      this.finish(code, reason);
    }
    // Text frames and pongs carry nothing the bench needs.
  }
}
