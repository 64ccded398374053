import {
  SERVER_EVENTS,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@polisee/contracts';
import type { Server } from 'socket.io';
import { z } from 'zod';
import type { ServiceContext } from '../services/context.js';
import { sessionRoom, userRoom } from './rooms.js';
import type { SocketAccess, SocketData } from './socketAccess.js';

/** Events between server processes only; no client sends or hears them. */
export const INTER_SERVER_EVENTS = { membershipChanged: 'membership:changed' } as const;

const MembershipChangedSchema = z.object({ userId: z.string() });

export interface InterServerEvents {
  [INTER_SERVER_EVENTS.membershipChanged]: (
    change: z.input<typeof MembershipChangedSchema>,
  ) => void;
}

type Io = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * With an adapter shared by several processes, a session or an access that changes on one
 * process must reach the user's sockets on the others, which SocketAccess (its own process's
 * sockets only) cannot. Registered after SocketAccess, so this process's own sockets have ended
 * already and only the other processes' are left in the rooms.
 *
 * Sessions end through rooms: the emit and `disconnectSockets` travel the adapter's stream like
 * every broadcast, so an event sent after the end (a thread started after a sign-out) cannot
 * reach the ended socket on any process first. A socket still in its handshake on another
 * process is not in its rooms yet: that process's own reading of the session, or its next
 * recheck, ends it (reason `expired` then).
 *
 * A membership change needs the store read again where the sockets are: it is sent to the other
 * processes to recheck their own sockets. Server-side emits ride pub/sub and a Redis blip may
 * lose one; the periodic recheck applies the change then.
 */
export function shareAccessChanges(io: Io, ctx: ServiceContext, access: SocketAccess) {
  ctx.events.on('sessionsEnded', ({ userId, sessionId, exceptSessionId, reason }) => {
    const ended =
      sessionId !== undefined
        ? io.in(sessionRoom(sessionId))
        : exceptSessionId !== undefined
          ? io.in(userRoom(userId)).except(sessionRoom(exceptSessionId))
          : io.in(userRoom(userId));
    ended.emit(SERVER_EVENTS.sessionEnded, { reason });
    ended.disconnectSockets(true);
  });
  ctx.events.on('membershipChanged', ({ userId }) =>
    io.serverSideEmit(INTER_SERVER_EVENTS.membershipChanged, { userId }),
  );
  io.on(INTER_SERVER_EVENTS.membershipChanged, (change: unknown) => {
    const parsed = MembershipChangedSchema.safeParse(change);
    if (parsed.success) access.recheckUser(parsed.data.userId);
  });
}
