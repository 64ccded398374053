import { z } from 'zod';
import {
  AgendaItemTitleSchema,
  AttendanceSchema,
  BallotAllocationSchema,
  CountryCodeSchema,
  IdSchema,
  IsoDateTimeSchema,
  LanguageSchema,
  OutcomeTextSchema,
  PollSchema,
  SectionAnchorSchema,
  ThematicPrioritySchema,
  WORKSHOP_LIMITS,
  WorkshopOutcomeSchema,
  WorkshopPurposeSchema,
  WorkshopSchema,
  WorkshopStatusSchema,
  WorkshopTitleSchema,
} from '@polisee/domain';

/** An agenda item as a facilitator plans it; the section is a heading of a linked document. */
export const AgendaItemInputSchema = z.strictObject({
  title: AgendaItemTitleSchema,
  minutes: z.number().int().min(1).max(WORKSHOP_LIMITS.itemMinutes),
  section: z
    .strictObject({
      documentId: IdSchema,
      anchor: SectionAnchorSchema,
      heading: z.string().max(WORKSHOP_LIMITS.titleChars * 2),
    })
    .nullable()
    .default(null),
  priority: ThematicPrioritySchema.nullable().default(null),
});
export type AgendaItemInput = z.input<typeof AgendaItemInputSchema>;

const ids = (max: number) =>
  z
    .array(IdSchema)
    .max(max)
    .default([])
    .transform((list) => [...new Set(list)]);

/**
 * `POST /api/workshops`. Facilitators default to the creator; the notes document is created
 * from the Workshop notes template in `language` and linked. Sections must be headings of the
 * linked documents (`documentIds`).
 */
export const CreateWorkshopRequestSchema = z
  .strictObject({
    title: WorkshopTitleSchema,
    purpose: WorkshopPurposeSchema.default(''),
    workingGroupId: IdSchema,
    startsAt: IsoDateTimeSchema,
    endsAt: IsoDateTimeSchema,
    language: LanguageSchema,
    agenda: z.array(AgendaItemInputSchema).min(1).max(WORKSHOP_LIMITS.agendaItems),
    facilitatorIds: ids(WORKSHOP_LIMITS.facilitators),
    guestIds: ids(WORKSHOP_LIMITS.guests),
    documentIds: ids(WORKSHOP_LIMITS.linkedDocuments),
    observersMayVote: z.boolean().default(true),
  })
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
    path: ['endsAt'],
    message: 'must be after the start',
  });
export type CreateWorkshopRequest = z.input<typeof CreateWorkshopRequestSchema>;

/** An agenda item as edited: with the `id` of an item it keeps (and its time spent), or new. */
export const AgendaItemUpdateSchema = AgendaItemInputSchema.extend({ id: IdSchema.optional() });
export type AgendaItemUpdate = z.input<typeof AgendaItemUpdateSchema>;

const changedIds = (max: number) =>
  z
    .array(IdSchema)
    .max(max)
    .transform((list) => [...new Set(list)])
    .optional();

/**
 * `PATCH /api/workshops/:id`: a facilitator changes the plan before the workshop starts. Each
 * field replaces the stored one; the agenda is replaced whole, in the given order. The working
 * group and the language stay: the notes document already exists in that language.
 */
export const UpdateWorkshopRequestSchema = z
  .strictObject({
    title: WorkshopTitleSchema.optional(),
    purpose: WorkshopPurposeSchema.optional(),
    startsAt: IsoDateTimeSchema.optional(),
    endsAt: IsoDateTimeSchema.optional(),
    agenda: z.array(AgendaItemUpdateSchema).min(1).max(WORKSHOP_LIMITS.agendaItems).optional(),
    facilitatorIds: changedIds(WORKSHOP_LIMITS.facilitators),
    guestIds: changedIds(WORKSHOP_LIMITS.guests),
    documentIds: changedIds(WORKSHOP_LIMITS.linkedDocuments),
    observersMayVote: z.boolean().optional(),
  })
  .refine((w) => Object.values(w).some((v) => v !== undefined), {
    message: 'change at least one field',
  })
  .refine(
    (w) =>
      w.startsAt === undefined ||
      w.endsAt === undefined ||
      Date.parse(w.endsAt) > Date.parse(w.startsAt),
    { path: ['endsAt'], message: 'must be after the start' },
  );
export type UpdateWorkshopRequest = z.input<typeof UpdateWorkshopRequestSchema>;

export const WorkshopListQuerySchema = z.strictObject({
  workingGroupId: IdSchema.optional(),
  /** `upcoming` = scheduled, `live`, `ended`; several comma-separated; all when absent. */
  status: z
    .string()
    .max(40)
    .transform((v) => v.split(','))
    .pipe(z.array(WorkshopStatusSchema).min(1))
    .optional(),
});
export type WorkshopListQuery = z.infer<typeof WorkshopListQuerySchema>;

/** Someone a workshop names (facilitator, participant, guest, voter), as the page shows them. */
export const WorkshopPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  organisationName: z.string(),
  country: CountryCodeSchema,
});
export type WorkshopPerson = z.infer<typeof WorkshopPersonSchema>;

/**
 * A workshop as its participants see it, the same for all of them (so one broadcast serves the
 * room): the record, everyone it names (facilitators, members, guests, those present) with
 * organisation and country, and who is in the live session now. `serverNow` lets each client
 * correct the shared timer for its clock's offset. What the reader may do follows from
 * `@polisee/policy`'s workshop rules.
 */
export const WorkshopViewSchema = WorkshopSchema.extend({
  workingGroupName: z.string(),
  people: z.array(WorkshopPersonSchema),
  /** Users in the live session now, in the order they joined. */
  present: z.array(IdSchema),
  serverNow: IsoDateTimeSchema,
});
export type WorkshopView = z.infer<typeof WorkshopViewSchema>;

export const WorkshopListSchema = z.object({ items: z.array(WorkshopViewSchema) });
export type WorkshopList = z.infer<typeof WorkshopListSchema>;

export const CreatedWorkshopSchema = WorkshopViewSchema;

/** An option's count in a closed poll (or a live one shown live). */
export const PollOptionResultSchema = z.object({
  optionId: IdSchema,
  /** Single and multiple: voters who chose it; dots: dots placed; score: sum of scores. */
  total: z.number().int().nonnegative(),
  /** Voters who gave it anything. */
  voters: z.number().int().nonnegative(),
  /** Share of `total` over all options' totals (score: mean score, 0 when none), 0–100. */
  percent: z.number().nonnegative(),
  /** Score polls: mean of the scores given; null for other kinds. */
  mean: z.number().nullable(),
});
export type PollOptionResult = z.infer<typeof PollOptionResultSchema>;

export const PollResultsSchema = z.object({
  voters: z.number().int().nonnegative(),
  options: z.array(PollOptionResultSchema),
  /** Named polls only: who voted what. Anonymous polls never carry it. */
  ballots: z
    .array(z.object({ userId: IdSchema, allocations: z.array(BallotAllocationSchema) }))
    .nullable(),
});
export type PollResults = z.infer<typeof PollResultsSchema>;

/**
 * A poll as a participant receives it. `results` is null while it is open (unless the facilitator
 * chose `showLive`); `yourBallot` is the reader's own ballot, never anyone else's.
 */
export const PollViewSchema = PollSchema.extend({
  results: PollResultsSchema.nullable(),
  yourBallot: z.array(BallotAllocationSchema).nullable(),
});
export type PollView = z.infer<typeof PollViewSchema>;
export const PollListSchema = z.object({ items: z.array(PollViewSchema) });
export type PollList = z.infer<typeof PollListSchema>;

export const WorkshopOutcomeListSchema = z.object({ items: z.array(WorkshopOutcomeSchema) });
export type WorkshopOutcomeList = z.infer<typeof WorkshopOutcomeListSchema>;

/** Attendance for programme reporting (facilitators only), with organisation and country. */
export const AttendanceReportSchema = z.object({
  items: z.array(AttendanceSchema.extend({ person: WorkshopPersonSchema })),
});
export type AttendanceReport = z.infer<typeof AttendanceReportSchema>;

/** A heading of a document, for binding an agenda item to it. */
export const DocumentSectionSchema = z.object({
  anchor: SectionAnchorSchema,
  level: z.number().int().min(1).max(6),
  heading: z.string(),
});
export const DocumentSectionListSchema = z.object({ items: z.array(DocumentSectionSchema) });
export type DocumentSection = z.infer<typeof DocumentSectionSchema>;

/** `GET /documents/:id/sections/at?anchor=`: which heading an anchor names now. */
export const SectionAtQuerySchema = z.strictObject({ anchor: SectionAnchorSchema });
/** The heading as it reads now (its anchor as the list gives it today); null once it is gone. */
export const SectionAtSchema = z.object({ section: DocumentSectionSchema.nullable() });
export type SectionAt = z.infer<typeof SectionAtSchema>;

export const RecordOutcomeRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('decision'),
    agendaItemId: IdSchema.nullable().default(null),
    text: OutcomeTextSchema,
  }),
  z.strictObject({
    kind: z.literal('action'),
    agendaItemId: IdSchema.nullable().default(null),
    text: OutcomeTextSchema,
    ownerId: IdSchema.nullable().default(null),
    dueDate: z.iso.date().nullable().default(null),
  }),
]);
export type RecordOutcomeRequest = z.input<typeof RecordOutcomeRequestSchema>;
