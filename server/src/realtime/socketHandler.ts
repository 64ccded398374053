import { AppError } from '@polisee/domain';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { withAuditAddress } from '../audit/auditScope.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import type { ServerSocket, SocketAccess } from './socketAccess.js';

export type SocketReply = { ok: true } | { ok: false; error: string };

/**
 * Wraps a client request: the payload is validated at the edge, then (serialised with the
 * socket's other work) the session is read again, so a request after the session ended is
 * refused even before any event or recheck got to this socket. The answer goes to this socket
 * alone: `{ ok: true, ...result }`, or `{ ok: false, error }` with a stable code (the finer
 * `reason` of an AppError when it has one, such as `workshop_not_live`).
 */
export function socketHandler(socket: ServerSocket, access: SocketAccess, logger: Logger) {
  return <S extends z.ZodType, R extends object | void>(
      schema: S,
      run: (input: z.output<S>, actor: AuthenticatedActor) => Promise<R>,
    ) =>
    (payload: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (r: SocketReply) => void) : () => {};
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: 'validation_failed' });
      access
        .exclusive(socket, async () => {
          const actor = await access.verify(socket);
          if (typeof actor === 'string') {
            // Answer first: the answer must leave before the connection closes.
            reply({ ok: false, error: 'unauthenticated' });
            return access.end(socket, actor);
          }
          // What it records in the audit log comes from the handshake's address.
          const result = await withAuditAddress(socket.handshake.address, () =>
            run(parsed.data, actor),
          );
          reply({ ...(result ?? {}), ok: true });
        })
        .catch((err: unknown) => {
          if (!(err instanceof AppError)) logger.error({ err }, 'socket handler failed');
          reply({
            ok: false,
            error: err instanceof AppError ? (err.reason ?? err.code) : 'internal',
          });
        });
    };
}
