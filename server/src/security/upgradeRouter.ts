import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { decodeRequestTarget } from './httpTarget.js';
import { currentRequestId, inRequestScope } from './processGuard.js';

export interface UpgradeRoute {
  /** Matched against the raw request target, the way engine.io matches its own path. */
  prefix: string;
  /** `rest` is the decoded path after the prefix. Must answer or destroy the socket itself. */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer, rest: string): void;
}

/**
 * The server's only 'upgrade' listener: each upgrade goes to exactly one route, and one that no
 * route takes is answered at once. Node's http server leaves an upgraded socket to its
 * listeners entirely, with allowHalfOpen on and no 'error' listener, so an upgrade nobody
 * answered stayed in CLOSE-WAIT after the client left (500 probes held 500 fds; ~20,000 reach
 * the limit) and a reset on it would have thrown (security issue 11, finding 2).
 */
export function routeUpgrades(server: Server, routes: UpgradeRoute[], logger: Logger) {
  const route = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', destroyOnError);
    const target = decodeRequestTarget(req.url);
    if (!target) return refuseUpgrade(socket, 400);
    const match = routes.find((r) => req.url!.startsWith(r.prefix));
    if (!match) return refuseUpgrade(socket, 404);
    try {
      match.handle(req, socket, head, target.path.slice(match.prefix.length));
    } catch (err) {
      logger.error({ err, requestId: currentRequestId() }, 'upgrade handler threw');
      refuseUpgrade(socket, 500);
    }
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    inRequestScope(req, () => route(req, socket, head)),
  );
}

/** Answers an upgrade with a plain HTTP error and closes the connection once it is written. */
export function refuseUpgrade(socket: Duplex, status: number) {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${STATUS_CODES[status] ?? 'Error'}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    // allowHalfOpen is on for http servers' sockets: ending our side is not enough.
    () => socket.destroy(),
  );
}

function destroyOnError(this: Duplex) {
  this.destroy();
}
