import {
  FacilitatorViewEventSchema,
  OutcomeAddedEventSchema,
  PollChangedEventSchema,
  PollViewSchema,
  SummonedEventSchema,
  WORKSHOP_CLIENT_EVENTS,
  WORKSHOP_SERVER_EVENTS,
  WorkshopStateEventSchema,
  WorkshopViewSchema,
  type DocumentPlace,
  type OpenPoll,
  type PollView,
  type WorkshopAck,
  type WorkshopCommand,
} from '@polisee/contracts';
import type { BallotAllocation } from '@polisee/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { useWorkshopLive } from '../stores/workshopLive';
import { betterSample, measureClockOffset, type ClockSample } from './clockOffset';
import { useSocketStore } from './socketStore';
import { writeOutcome, writePoll, writePolls, writeWorkshop } from './workshopCache';

/** An answer that does not come within this time is reported as a network failure. */
const ACK_TIMEOUT_MS = 10_000;

export type JoinState =
  | { status: 'joining' }
  | { status: 'joined' }
  /** The server refused (not a participant, unknown workshop, …): the code says why. */
  | { status: 'refused'; error: string };

type Failure = { ok: false; error: string; message?: string };
export type CommandResult = { ok: true } | Failure;
export type PollResult = { ok: true; poll: PollView } | Failure;

const JoinAckSchema = z.union([
  z.object({ ok: z.literal(true), workshop: WorkshopViewSchema, polls: z.array(PollViewSchema) }),
  z.object({ ok: z.literal(false), error: z.string(), message: z.string().optional() }),
]);
const PollAckSchema = z.union([
  z.object({ ok: z.literal(true), poll: PollViewSchema }),
  z.object({ ok: z.literal(false), error: z.string(), message: z.string().optional() }),
]);
const PlainAckSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string(), message: z.string().optional() }),
]);

/** An answer outside the contract is treated like no answer: the server's word cannot be read. */
const unreadable: Failure = { ok: false, error: 'unexpected_response' };
const offline: Failure = { ok: false, error: 'network_error' };

/**
 * The live workshop over the app's one socket, for as long as the page is mounted: joins the
 * workshop's room (and again after every reconnect, since the server forgets rooms with the
 * connection), writes every state, poll and outcome message into the query cache, hands
 * "summon" and the facilitator's place to the page's UI store, and leaves on unmount.
 *
 * The clock offset comes from the join answer's `serverNow` and the round trip it took (see
 * clockOffset.ts), so every client shows the same countdown whatever its own clock says.
 */
export function useWorkshopSession(workshopId: string) {
  const socket = useSocketStore((s) => s.socket);
  const queryClient = useQueryClient();
  const [join, setJoin] = useState<JoinState>({ status: 'joining' });
  const [clock, setClock] = useState<ClockSample | null>(null);
  const [connected, setConnected] = useState(socket?.connected ?? false);
  const clockRef = useRef<ClockSample | null>(null);
  const joinRef = useRef<(() => Promise<void>) | null>(null);

  useEffect(() => {
    if (!socket) return;
    let active = true;
    const ref = { workshopId };

    const joinRoom = async () => {
      setConnected(true);
      const sentAt = Date.now();
      let raw: unknown;
      try {
        raw = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(WORKSHOP_CLIENT_EVENTS.join, ref);
      } catch {
        if (active) setJoin({ status: 'refused', error: offline.error });
        return;
      }
      const receivedAt = Date.now();
      if (!active) return;
      const ack = JoinAckSchema.safeParse(raw);
      if (!ack.success) return setJoin({ status: 'refused', error: unreadable.error });
      if (!ack.data.ok) return setJoin({ status: 'refused', error: ack.data.error });
      const sample = betterSample(
        clockRef.current,
        measureClockOffset(ack.data.workshop.serverNow, sentAt, receivedAt),
      );
      clockRef.current = sample;
      setClock(sample);
      writeWorkshop(queryClient, ack.data.workshop);
      // The join answer holds the polls as this reader may see them, own ballots included.
      writePolls(queryClient, workshopId, ack.data.polls);
      setJoin({ status: 'joined' });
    };

    joinRef.current = joinRoom;

    const onState = (payload: unknown) => {
      const parsed = WorkshopStateEventSchema.safeParse(payload);
      if (parsed.success && parsed.data.workshop.id === workshopId)
        writeWorkshop(queryClient, parsed.data.workshop);
    };
    const onSummoned = (payload: unknown) => {
      const parsed = SummonedEventSchema.safeParse(payload);
      if (parsed.success && parsed.data.workshopId === workshopId)
        useWorkshopLive.getState().requestPlace(parsed.data.place, 'summon');
    };
    const onFacilitatorView = (payload: unknown) => {
      const parsed = FacilitatorViewEventSchema.safeParse(payload);
      if (!parsed.success || parsed.data.workshopId !== workshopId) return;
      const live = useWorkshopLive.getState();
      live.setFacilitatorPlace(parsed.data.place);
      if (live.follow) live.requestPlace(parsed.data.place, 'follow');
    };
    const onPollChanged = (payload: unknown) => {
      const parsed = PollChangedEventSchema.safeParse(payload);
      if (parsed.success && parsed.data.poll.workshopId === workshopId)
        writePoll(queryClient, parsed.data.poll, false);
    };
    const onOutcomeAdded = (payload: unknown) => {
      const parsed = OutcomeAddedEventSchema.safeParse(payload);
      if (parsed.success && parsed.data.outcome.workshopId === workshopId)
        writeOutcome(queryClient, parsed.data.outcome);
    };
    const onDisconnect = () => setConnected(false);
    const onConnect = () => void joinRoom();

    socket.on(WORKSHOP_SERVER_EVENTS.state, onState);
    socket.on(WORKSHOP_SERVER_EVENTS.summoned, onSummoned);
    socket.on(WORKSHOP_SERVER_EVENTS.facilitatorView, onFacilitatorView);
    socket.on(WORKSHOP_SERVER_EVENTS.pollChanged, onPollChanged);
    socket.on(WORKSHOP_SERVER_EVENTS.outcomeAdded, onOutcomeAdded);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    if (socket.connected) void joinRoom();

    return () => {
      active = false;
      joinRef.current = null;
      socket.off(WORKSHOP_SERVER_EVENTS.state, onState);
      socket.off(WORKSHOP_SERVER_EVENTS.summoned, onSummoned);
      socket.off(WORKSHOP_SERVER_EVENTS.facilitatorView, onFacilitatorView);
      socket.off(WORKSHOP_SERVER_EVENTS.pollChanged, onPollChanged);
      socket.off(WORKSHOP_SERVER_EVENTS.outcomeAdded, onOutcomeAdded);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      if (socket.connected) socket.emit(WORKSHOP_CLIENT_EVENTS.leave, ref, () => undefined);
    };
  }, [socket, workshopId, queryClient]);

  const send = useCallback(
    async <S extends z.ZodType>(
      event: (typeof WORKSHOP_CLIENT_EVENTS)[keyof typeof WORKSHOP_CLIENT_EVENTS],
      payload: unknown,
      schema: S,
    ): Promise<z.output<S> | Failure> => {
      if (!socket?.connected) return offline;
      let raw: unknown;
      try {
        raw = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
      } catch {
        return offline;
      }
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : unreadable;
    },
    [socket],
  );

  const commands = useMemo(() => {
    const plain = (event: typeof WORKSHOP_CLIENT_EVENTS.control, payload: unknown) =>
      send(event, payload, PlainAckSchema) as Promise<CommandResult>;
    const withPoll = async (
      event: (typeof WORKSHOP_CLIENT_EVENTS)['openPoll' | 'vote' | 'closePoll'],
      payload: unknown,
    ): Promise<PollResult> => {
      const result = (await send(event, payload, PollAckSchema)) as PollResult;
      // The answer is addressed to us: it carries our own ballot (a vote) or the new poll.
      if (result.ok) writePoll(queryClient, result.poll, true);
      return result;
    };
    return {
      control: (command: WorkshopCommand) =>
        plain(WORKSHOP_CLIENT_EVENTS.control, { workshopId, command }),
      hand: (raised: boolean) =>
        send(
          WORKSHOP_CLIENT_EVENTS.hand,
          { workshopId, raised },
          PlainAckSchema,
        ) as Promise<CommandResult>,
      view: (place: DocumentPlace) =>
        send(
          WORKSHOP_CLIENT_EVENTS.view,
          { workshopId, place },
          PlainAckSchema,
        ) as Promise<CommandResult>,
      openPoll: (poll: Omit<OpenPoll, 'workshopId'>) =>
        withPoll(WORKSHOP_CLIENT_EVENTS.openPoll, { ...poll, workshopId }),
      vote: (pollId: string, allocations: BallotAllocation[]) =>
        withPoll(WORKSHOP_CLIENT_EVENTS.vote, { pollId, allocations }),
      closePoll: (pollId: string) => withPoll(WORKSHOP_CLIENT_EVENTS.closePoll, { pollId }),
    };
  }, [send, workshopId, queryClient]);

  /** Asks to join again (a page opened before the workshop went live, once it has). */
  const rejoin = useCallback(() => {
    if (socket?.connected) void joinRef.current?.();
  }, [socket]);

  return {
    join,
    rejoin,
    connected: connected && socket !== null,
    /** Server time minus local time; 0 until the first join answer. */
    offsetMs: clock?.offsetMs ?? 0,
    ...commands,
  };
}

export type WorkshopSession = ReturnType<typeof useWorkshopSession>;
export type { WorkshopAck };
