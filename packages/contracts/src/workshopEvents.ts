import { z } from 'zod';
import {
  BallotAllocationSchema,
  DotCountSchema,
  IdSchema,
  PollKindSchema,
  PollOptionTextSchema,
  PollQuestionSchema,
  PollSourceSchema,
  SectionAnchorSchema,
  WORKSHOP_LIMITS,
  WorkshopOutcomeSchema,
} from '@polisee/domain';
import { PollViewSchema, WorkshopViewSchema } from './rest/index.js';

/**
 * The live workshop over socket.io. A socket joins a workshop's room with `workshop:join`;
 * every control, hand, vote and view event names its workshop (or poll) and is acknowledged to
 * that socket alone: `{ ok: true, ... }` or `{ ok: false, error }` with a code from
 * `WORKSHOP_ERRORS`. A refused event changes nothing and reaches no one else.
 */
export const WORKSHOP_CLIENT_EVENTS = {
  join: 'workshop:join',
  leave: 'workshop:leave',
  control: 'workshop:control',
  hand: 'workshop:hand',
  /** A facilitator's current place in the documents, for those who follow them. */
  view: 'workshop:view',
  openPoll: 'poll:open',
  vote: 'poll:vote',
  closePoll: 'poll:close',
} as const;

export const WORKSHOP_SERVER_EVENTS = {
  /** The whole live state after any change (the same payload for everyone in the room). */
  state: 'workshop:state',
  /** "Bring everyone here": every participant's view moves; each can step away again. */
  summoned: 'workshop:summoned',
  /** Where a facilitator is now; followers' views move with it. Ephemeral, never stored. */
  facilitatorView: 'workshop:facilitator-view',
  /** A poll opened, closed, or (shown live) its tally moved. Never carries a ballot before close. */
  pollChanged: 'poll:changed',
  outcomeAdded: 'workshop:outcome-added',
} as const;

/** Error codes in acknowledgements, beyond the shared ones (`validation_failed`, `forbidden`, `not_found`, `unauthenticated`, `rate_limited`, `internal`). */
export const WORKSHOP_ERRORS = {
  notLive: 'workshop_not_live',
  ended: 'workshop_ended',
  notJoined: 'workshop_not_joined',
  pollClosed: 'poll_closed',
  unknownOption: 'poll_unknown_option',
  overLimit: 'ballot_over_limit',
  invalidBallot: 'ballot_invalid',
  noSuchItem: 'agenda_item_unknown',
  /** A poll's source is not a board of the workshop's documents. */
  unknownSource: 'poll_source_unknown',
  /** The board's items are no longer what the poll would offer (someone edited it meanwhile). */
  sourceChanged: 'poll_source_changed',
} as const;

export const WorkshopRefSchema = z.strictObject({ workshopId: IdSchema });
export type WorkshopRef = z.infer<typeof WorkshopRefSchema>;

/** A place in a linked document: a heading's anchor, or the document's top when null. */
export const DocumentPlaceSchema = z.strictObject({
  documentId: IdSchema,
  anchor: SectionAnchorSchema.nullable(),
});
export type DocumentPlace = z.infer<typeof DocumentPlaceSchema>;

/** Facilitators' controls; `workshop:control` carries one. */
export const WorkshopCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('goLive') }),
  z.strictObject({ type: z.literal('end') }),
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('previous') }),
  z.strictObject({ type: z.literal('goTo'), index: z.number().int().nonnegative() }),
  z.strictObject({
    type: z.literal('timerStart'),
    minutes: z.number().int().min(1).max(WORKSHOP_LIMITS.timerMinutes),
  }),
  z.strictObject({ type: z.literal('timerPause') }),
  z.strictObject({ type: z.literal('timerResume') }),
  z.strictObject({ type: z.literal('timerAddMinute') }),
  z.strictObject({ type: z.literal('timerReset') }),
  /** Bring everyone to a place (an agenda item's section, or where the facilitator is). */
  z.strictObject({
    type: z.literal('summon'),
    place: DocumentPlaceSchema,
    agendaItemId: IdSchema.nullable().default(null),
  }),
  z.strictObject({ type: z.literal('lowerHand'), userId: IdSchema }),
  z.strictObject({ type: z.literal('callNext') }),
  z.strictObject({ type: z.literal('setObserversMayVote'), value: z.boolean() }),
  /** Writes the outcome so far of one item (or of the whole workshop) into the notes now. */
  z.strictObject({
    type: z.literal('writeOutcome'),
    agendaItemId: IdSchema.nullable().default(null),
  }),
]);
export type WorkshopCommand = z.input<typeof WorkshopCommandSchema>;

export const WorkshopControlSchema = z.strictObject({
  workshopId: IdSchema,
  command: WorkshopCommandSchema,
});
export type WorkshopControl = z.input<typeof WorkshopControlSchema>;

export const WorkshopHandSchema = z.strictObject({ workshopId: IdSchema, raised: z.boolean() });
export type WorkshopHand = z.infer<typeof WorkshopHandSchema>;

export const WorkshopViewPlaceSchema = z.strictObject({
  workshopId: IdSchema,
  place: DocumentPlaceSchema,
});
export type WorkshopViewPlace = z.infer<typeof WorkshopViewPlaceSchema>;

/**
 * A dot vote on a foresight board's drivers or scenarios (decision 0053): `itemIds` are the
 * items' ids in the board's order and `options` their labels as the facilitator saw them; the
 * server checks both against the board as the document holds it now.
 */
export const OpenPollSourceSchema = z.strictObject({
  ...PollSourceSchema.shape,
  itemIds: z.array(IdSchema).min(2).max(WORKSHOP_LIMITS.pollOptions),
});
export type OpenPollSource = z.infer<typeof OpenPollSourceSchema>;

export const OpenPollSchema = z
  .strictObject({
    workshopId: IdSchema,
    agendaItemId: IdSchema.nullable().default(null),
    question: PollQuestionSchema,
    kind: PollKindSchema,
    /** Typed in, or taken from the document (a list's items, a section's paragraphs) by the client. */
    options: z.array(PollOptionTextSchema).min(2).max(WORKSHOP_LIMITS.pollOptions),
    anonymous: z.boolean().default(true),
    showLive: z.boolean().default(false),
    dots: DotCountSchema.nullable().default(null),
    maxDotsPerOption: DotCountSchema.nullable().default(null),
    /** Time limit; null for none (the facilitator closes it). */
    minutes: z.number().int().min(1).max(WORKSHOP_LIMITS.pollMinutes).nullable().default(null),
    source: OpenPollSourceSchema.nullable().default(null),
  })
  .refine((p) => p.kind !== 'dots' || p.dots !== null, {
    path: ['dots'],
    message: 'a dot vote needs the number of dots',
  })
  // Items are told apart by their ids: two drivers may carry the same label.
  .refine(
    (p) =>
      p.source !== null ||
      new Set(p.options.map((o) => o.toLocaleLowerCase())).size === p.options.length,
    { path: ['options'], message: 'options must differ' },
  )
  .refine((p) => p.source === null || p.kind === 'dots', {
    path: ['kind'],
    message: 'a poll on a board is a dot vote',
  })
  .refine(
    (p) =>
      p.source === null ||
      (p.source.itemIds.length === p.options.length &&
        new Set(p.source.itemIds).size === p.source.itemIds.length),
    { path: ['source', 'itemIds'], message: 'one distinct item per option' },
  );
export type OpenPoll = z.input<typeof OpenPollSchema>;

export const VoteSchema = z.strictObject({
  pollId: IdSchema,
  allocations: z.array(BallotAllocationSchema).max(WORKSHOP_LIMITS.pollOptions),
});
export type Vote = z.input<typeof VoteSchema>;

export const PollRefSchema = z.strictObject({ pollId: IdSchema });
export type PollRef = z.infer<typeof PollRefSchema>;

export const WorkshopStateEventSchema = z.object({ workshop: WorkshopViewSchema });
export type WorkshopStateEvent = z.infer<typeof WorkshopStateEventSchema>;

export const SummonedEventSchema = z.object({
  workshopId: IdSchema,
  place: DocumentPlaceSchema,
  agendaItemId: IdSchema.nullable(),
  by: IdSchema,
});
export type SummonedEvent = z.infer<typeof SummonedEventSchema>;

export const FacilitatorViewEventSchema = z.object({
  workshopId: IdSchema,
  place: DocumentPlaceSchema,
  by: IdSchema,
});
export type FacilitatorViewEvent = z.infer<typeof FacilitatorViewEventSchema>;

/** `yourBallot` is always null here: a broadcast never carries anyone's ballot. */
export const PollChangedEventSchema = z.object({ poll: PollViewSchema });
export type PollChangedEvent = z.infer<typeof PollChangedEventSchema>;

export const OutcomeAddedEventSchema = z.object({ outcome: WorkshopOutcomeSchema });
export type OutcomeAddedEvent = z.infer<typeof OutcomeAddedEventSchema>;

export type WorkshopAck<T = object> =
  ({ ok: true } & T) | { ok: false; error: string; message?: string };

/** `workshop:join` answers with the state and the polls as this participant may see them. */
export type JoinAck = WorkshopAck<{
  workshop: z.infer<typeof WorkshopViewSchema>;
  polls: z.infer<typeof PollViewSchema>[];
}>;
export type VoteAck = WorkshopAck<{ poll: z.infer<typeof PollViewSchema> }>;
export type PollAck = WorkshopAck<{ poll: z.infer<typeof PollViewSchema> }>;

type Handler<A> = (payload: unknown, ack: (result: A) => void) => void;

export interface WorkshopClientToServerEvents {
  [WORKSHOP_CLIENT_EVENTS.join]: Handler<JoinAck>;
  [WORKSHOP_CLIENT_EVENTS.leave]: Handler<WorkshopAck>;
  [WORKSHOP_CLIENT_EVENTS.control]: Handler<WorkshopAck>;
  [WORKSHOP_CLIENT_EVENTS.hand]: Handler<WorkshopAck>;
  [WORKSHOP_CLIENT_EVENTS.view]: Handler<WorkshopAck>;
  [WORKSHOP_CLIENT_EVENTS.openPoll]: Handler<PollAck>;
  [WORKSHOP_CLIENT_EVENTS.vote]: Handler<VoteAck>;
  [WORKSHOP_CLIENT_EVENTS.closePoll]: Handler<PollAck>;
}

export interface WorkshopServerToClientEvents {
  [WORKSHOP_SERVER_EVENTS.state]: (payload: WorkshopStateEvent) => void;
  [WORKSHOP_SERVER_EVENTS.summoned]: (payload: SummonedEvent) => void;
  [WORKSHOP_SERVER_EVENTS.facilitatorView]: (payload: FacilitatorViewEvent) => void;
  [WORKSHOP_SERVER_EVENTS.pollChanged]: (payload: PollChangedEvent) => void;
  [WORKSHOP_SERVER_EVENTS.outcomeAdded]: (payload: OutcomeAddedEvent) => void;
}

/** Ballots cast within this window by many voters are written together (see the bench). */
export const WORKSHOP_REALTIME = {
  /** A shown-live tally is sent at most this often, however fast ballots arrive. */
  liveTallyIntervalMs: 500,
} as const;
