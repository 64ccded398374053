import {
  OpenPollSchema,
  PollRefSchema,
  VoteSchema,
  WORKSHOP_CLIENT_EVENTS,
  WORKSHOP_SERVER_EVENTS,
  WorkshopControlSchema,
  WorkshopHandSchema,
  WorkshopRefSchema,
  WorkshopViewPlaceSchema,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@polisee/contracts';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { ServiceContext } from '../services/context.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { controlWorkshop } from '../workshops/live/controlWorkshop.js';
import { joinWorkshop } from '../workshops/live/joinWorkshop.js';
import { leaveWorkshop } from '../workshops/live/leaveWorkshop.js';
import type { LiveCaller } from '../workshops/live/liveWorkshop.js';
import { setOwnHand } from '../workshops/live/setOwnHand.js';
import { relayFacilitatorView } from '../workshops/live/relayFacilitatorView.js';
import type { WorkshopRuntime } from '../workshops/live/WorkshopRuntime.js';
import { castBallot } from '../workshops/polls/castBallot.js';
import { closePoll } from '../workshops/polls/closePoll.js';
import { openPoll } from '../workshops/polls/openPoll.js';
import { workshopRoom } from './rooms.js';
import type { ServerSocket, SocketData } from './socketAccess.js';
import type { socketHandler } from './socketHandler.js';

type Io = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
type Handle = ReturnType<typeof socketHandler>;

/**
 * The live workshop over socket.io (decision 0047). A connection joins a workshop's room with
 * `workshop:join` (read access checked); every other workshop event is refused until it has
 * (`workshop_not_joined`), and a disconnect leaves. Requests go through `handle`: validated by
 * the contract's schema, the session read again, refusals answered to that socket alone.
 *
 * Broadcasts come from the runtime, each built once and sent with one emit to the room, so a
 * change costs one serialisation whatever the room's size.
 */
export function registerWorkshopEvents(
  io: Io,
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  logger: Logger,
) {
  const room = (workshopId: string) => io.to(workshopRoom(workshopId));
  runtime.events.on('state', (workshop) =>
    room(workshop.id).emit(WORKSHOP_SERVER_EVENTS.state, { workshop }),
  );
  runtime.events.on('pollChanged', (poll) =>
    room(poll.workshopId).emit(WORKSHOP_SERVER_EVENTS.pollChanged, { poll }),
  );
  runtime.events.on('summoned', (event) =>
    room(event.workshopId).emit(WORKSHOP_SERVER_EVENTS.summoned, event),
  );
  // The facilitator's own connection knows where it is: everyone else hears of it.
  runtime.events.on('facilitatorView', (event, connectionId) =>
    room(event.workshopId).except(connectionId).emit(WORKSHOP_SERVER_EVENTS.facilitatorView, event),
  );
  ctx.events.on('workshopOutcomeAdded', (outcome) =>
    room(outcome.workshopId).emit(WORKSHOP_SERVER_EVENTS.outcomeAdded, { outcome }),
  );

  return (socket: ServerSocket, handle: Handle) => {
    const caller = (actor: AuthenticatedActor): LiveCaller => ({ actor, connectionId: socket.id });
    const exit = (workshopId: string) => () => {
      socket.data.workshops.delete(workshopId);
      void socket.leave(workshopRoom(workshopId));
    };

    socket.on(
      WORKSHOP_CLIENT_EVENTS.join,
      handle(WorkshopRefSchema, ({ workshopId }, actor) =>
        joinWorkshop(ctx, runtime, caller(actor), workshopId, () => {
          // Kept in the socket's subscriptions, so access rechecks keep it in the room.
          socket.data.workshops.add(workshopId);
          void socket.join(workshopRoom(workshopId));
        }),
      ),
    );
    socket.on(
      WORKSHOP_CLIENT_EVENTS.leave,
      handle(WorkshopRefSchema, ({ workshopId }, actor) =>
        leaveWorkshop(ctx, runtime, actor.user.id, socket.id, workshopId, exit(workshopId)),
      ),
    );
    socket.on(
      WORKSHOP_CLIENT_EVENTS.control,
      handle(WorkshopControlSchema, ({ workshopId, command }, actor) =>
        controlWorkshop(ctx, runtime, caller(actor), workshopId, command),
      ),
    );
    socket.on(
      WORKSHOP_CLIENT_EVENTS.hand,
      handle(WorkshopHandSchema, ({ workshopId, raised }, actor) =>
        setOwnHand(ctx, runtime, caller(actor), workshopId, raised),
      ),
    );
    socket.on(
      WORKSHOP_CLIENT_EVENTS.view,
      handle(WorkshopViewPlaceSchema, ({ workshopId, place }, actor) =>
        relayFacilitatorView(ctx, runtime, caller(actor), workshopId, place),
      ),
    );
    socket.on(
      WORKSHOP_CLIENT_EVENTS.openPoll,
      handle(OpenPollSchema, async (input, actor) => ({
        poll: await openPoll(ctx, runtime, caller(actor), input),
      })),
    );
    socket.on(
      WORKSHOP_CLIENT_EVENTS.vote,
      handle(VoteSchema, async (vote, actor) => ({
        poll: await castBallot(ctx, runtime, caller(actor), vote),
      })),
    );
    socket.on(
      WORKSHOP_CLIENT_EVENTS.closePoll,
      handle(PollRefSchema, async ({ pollId }, actor) => ({
        poll: await closePoll(ctx, runtime, caller(actor), pollId),
      })),
    );

    // A disconnect leaves every workshop the socket joined (no session check: it is gone).
    socket.on('disconnect', () => {
      const { userId } = socket.data;
      for (const workshopId of [...socket.data.workshops]) {
        leaveWorkshop(ctx, runtime, userId, socket.id, workshopId, exit(workshopId)).catch(
          (err: unknown) => logger.error({ err, userId, workshopId }, 'leaving a workshop failed'),
        );
      }
    });
  };
}

/**
 * Takes a connection out of a workshop its user may no longer see (SocketAccess's recheck found
 * it: a guest uninvited, a member removed), as leaving would: presence and attendance follow.
 */
export function workshopAccessLost(ctx: ServiceContext, runtime: WorkshopRuntime, logger: Logger) {
  return (socket: ServerSocket, workshopId: string) => {
    const { userId } = socket.data;
    leaveWorkshop(ctx, runtime, userId, socket.id, workshopId, () => {
      void socket.leave(workshopRoom(workshopId));
    }).catch((err: unknown) =>
      logger.error({ err, userId, workshopId }, 'leaving a lost workshop failed'),
    );
  };
}
