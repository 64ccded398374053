import {
  AgendaItemInputSchema,
  AgendaItemUpdateSchema,
  CreateWorkshopRequestSchema,
  type UpdateWorkshopRequest,
} from '@polisee/contracts';
import {
  IsoDateTimeSchema,
  ThematicPrioritySchema,
  WORKSHOP_LIMITS,
  type AgendaItem,
  type Language,
  type Workshop,
} from '@polisee/domain';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../api/ApiError';
import { asFormError } from '../../ui/contractResolver';
import { isoToLocalInput, localInputToIso } from './localDateTime';

/*
 * The plan-a-workshop form parses with the contract's own pieces and then with the whole
 * request schema (its "end after start" rule included), so the form refuses exactly what the
 * server would. Only the shapes an input gives differ: datetime-local text for the times, text
 * for the minutes, '' for "no priority".
 */

const request = CreateWorkshopRequestSchema.shape;
const item = AgendaItemInputSchema.shape;

/** A datetime-local value, read in the user's time zone and sent with its offset. */
const LocalDateTimeSchema = z
  .string()
  .trim()
  .min(1)
  .transform(localInputToIso)
  .pipe(IsoDateTimeSchema);

const AgendaItemFormSchema = z.strictObject({
  /** An item of the stored agenda, when the plan is being changed: it keeps its id. */
  id: AgendaItemUpdateSchema.shape.id,
  title: item.title,
  minutes: z.string().trim().min(1).transform(Number).pipe(item.minutes),
  priority: z
    .union([z.literal(''), ThematicPrioritySchema])
    .transform((v) => (v === '' ? null : v)),
  section: item.section,
});

export const WorkshopFormSchema = z
  .strictObject({
    title: request.title,
    purpose: request.purpose,
    workingGroupId: request.workingGroupId,
    startsAt: LocalDateTimeSchema,
    endsAt: LocalDateTimeSchema,
    language: request.language,
    agenda: z.array(AgendaItemFormSchema).min(1).max(WORKSHOP_LIMITS.agendaItems),
    facilitatorIds: request.facilitatorIds,
    guestIds: request.guestIds,
    documentIds: request.documentIds,
    observersMayVote: request.observersMayVote,
  })
  // The whole contract once more, for its rules across fields (the end after the start). Not
  // `.pipe`: zod types a pipe by the next schema's input, where defaults leave fields optional.
  // The rows' ids (a plan being changed) are set aside for the check and put back after.
  .transform((form, ctx) => {
    const agenda = form.agenda.map(({ id: _id, ...row }) => row);
    const parsed = CreateWorkshopRequestSchema.safeParse(
      { ...form, agenda },
      { reportInput: true },
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
      return z.NEVER;
    }
    return {
      ...parsed.data,
      agenda: parsed.data.agenda.map((row, i) => {
        const id = form.agenda[i]?.id;
        return id === undefined ? row : { id, ...row };
      }),
    };
  });

export type WorkshopFormValues = z.input<typeof WorkshopFormSchema>;
export type WorkshopRequest = z.output<typeof WorkshopFormSchema>;
export type AgendaItemFormValues = z.input<typeof AgendaItemFormSchema>;
export type AgendaSectionValue = NonNullable<AgendaItemFormValues['section']>;

export const newAgendaItem = (): AgendaItemFormValues => ({
  title: '',
  minutes: '15',
  priority: '',
  section: null,
});

/** Tomorrow from 10:00 to 12:00 where the user is: a plausible start that is never in the past. */
export function defaultWorkshopValues(options: {
  workingGroupId: string;
  language: Language;
  now?: Date;
}): WorkshopFormValues {
  const start = new Date(options.now ?? Date.now());
  start.setDate(start.getDate() + 1);
  start.setHours(10, 0, 0, 0);
  const end = new Date(start);
  end.setHours(12);
  return {
    title: '',
    purpose: '',
    workingGroupId: options.workingGroupId,
    startsAt: isoToLocalInput(start.toISOString()),
    endsAt: isoToLocalInput(end.toISOString()),
    language: options.language,
    agenda: [newAgendaItem()],
    facilitatorIds: [],
    guestIds: [],
    documentIds: [],
    observersMayVote: true,
  };
}

/**
 * A workshop's plan as the form's values, to change it: times in the reader's time zone, each
 * agenda row with its item's id. The notes document and the creator are left out: they stay
 * linked and facilitating whatever the form says.
 */
export function workshopFormValues(workshop: Workshop): WorkshopFormValues {
  return {
    title: workshop.title,
    purpose: workshop.purpose,
    workingGroupId: workshop.workingGroupId,
    startsAt: isoToLocalInput(workshop.startsAt),
    endsAt: isoToLocalInput(workshop.endsAt),
    language: workshop.language,
    agenda: workshop.agenda.map((a) => ({
      id: a.id,
      title: a.title,
      minutes: String(a.minutes),
      priority: a.priority ?? '',
      section: a.section,
    })),
    facilitatorIds: workshop.facilitatorIds.filter((id) => id !== workshop.createdBy),
    guestIds: [...workshop.guestIds],
    documentIds: linkedDocumentsOf(workshop),
    observersMayVote: workshop.observersMayVote,
  };
}

/**
 * What changing the plan sends: only the fields that differ from the workshop as loaded (the
 * agenda whole, in its new order, rows with their ids), so people and documents left alone are
 * not checked again; null when nothing changed.
 */
export function updateWorkshopRequest(
  workshop: Workshop,
  request: WorkshopRequest,
): UpdateWorkshopRequest | null {
  const before = workshopFormValues(workshop);
  const change: UpdateWorkshopRequest = {};
  if (request.title !== workshop.title) change.title = request.title;
  if (request.purpose !== workshop.purpose) change.purpose = request.purpose;
  if (Date.parse(request.startsAt) !== Date.parse(workshop.startsAt))
    change.startsAt = request.startsAt;
  if (Date.parse(request.endsAt) !== Date.parse(workshop.endsAt)) change.endsAt = request.endsAt;
  if (!sameAgenda(request.agenda, workshop.agenda)) change.agenda = request.agenda;
  if (!sameSet(request.facilitatorIds, before.facilitatorIds ?? []))
    change.facilitatorIds = request.facilitatorIds;
  if (!sameSet(request.guestIds, workshop.guestIds)) change.guestIds = request.guestIds;
  // In order: the workshop page shows the documents as listed.
  if (request.documentIds.join('\n') !== linkedDocumentsOf(workshop).join('\n'))
    change.documentIds = request.documentIds;
  if (request.observersMayVote !== workshop.observersMayVote)
    change.observersMayVote = request.observersMayVote;
  return Object.keys(change).length > 0 ? change : null;
}

function linkedDocumentsOf(workshop: Workshop): string[] {
  return workshop.documentIds.filter((id) => id !== workshop.notesDocumentId);
}

function sameSet(a: readonly string[], b: readonly string[]) {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}

function sameAgenda(rows: WorkshopRequest['agenda'], items: readonly AgendaItem[]) {
  return (
    rows.length === items.length &&
    rows.every((row, i) => {
      const item = items[i]!;
      return (
        'id' in row &&
        row.id === item.id &&
        row.title === item.title &&
        row.minutes === item.minutes &&
        row.priority === item.priority &&
        row.section?.documentId === item.section?.documentId &&
        row.section?.anchor === item.section?.anchor &&
        row.section?.heading === item.section?.heading
      );
    })
  );
}

/**
 * A section as one select value: the anchor is base64 (no ':'), so the last ':' splits it
 * from the document id whatever that holds.
 */
export function sectionKey(section: Pick<AgendaSectionValue, 'documentId' | 'anchor'>): string {
  return `${section.documentId}:${section.anchor}`;
}

/** Rows whose section lies in a document no longer linked: their binding must go. */
export function rowsWithUnlinkedSections(
  agenda: readonly Pick<AgendaItemFormValues, 'section'>[],
  documentIds: readonly string[],
): number[] {
  return agenda.flatMap((row, index) =>
    row.section && !documentIds.includes(row.section.documentId) ? [index] : [],
  );
}

const TOP_FIELDS = new Set<string>(Object.keys(request));
const ITEM_FIELDS = new Set<string>(Object.keys(item));

/**
 * The input a server issue belongs to: `agenda.2.section.anchor` is row 2's section select,
 * `agenda` or `agenda.2` the agenda as a whole (shown under it), `documentIds.1` the documents.
 * null for a path the form has no input for (the alert shows it).
 */
export function workshopFieldOf(path: string): string | null {
  const [head = '', index, field] = path.split('.');
  if (head === 'agenda') {
    if (index !== undefined && /^\d+$/.test(index) && field && ITEM_FIELDS.has(field))
      return `agenda.${index}.${field}`;
    return 'agenda.root';
  }
  return TOP_FIELDS.has(head) ? head : null;
}

/**
 * Puts the server's field errors on the form's inputs (rows of the agenda included), focusing
 * the first. Returns whether any landed; the rest stay for the form's alert.
 */
export function showWorkshopServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
): boolean {
  if (!isApiError(error, 'validation_failed')) return false;
  let shown = false;
  for (const issue of error.details) {
    const field = workshopFieldOf(issue.path);
    if (!field) continue;
    setError(field as Path<T>, asFormError(issue), { shouldFocus: !shown });
    shown = true;
  }
  return shown;
}
