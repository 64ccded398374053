import type { WorkshopPerson } from '@polisee/contracts';
import { AppError, VERSION_LIMITS, type DocumentVersion, type Workshop } from '@polisee/domain';
import { appendBlocks } from '../../content/appendBlocks.js';
import { logDamage } from '../../content/documentRepair.js';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { takeVersion } from '../../services/versions/recordVersion.js';
import { tallyPoll } from '../polls/tally.js';
import { composeOutcome } from './composeOutcome.js';
import { outcomeText } from './outcomeText.js';

export interface OutcomeScope {
  /** One agenda item (its polls and outcomes), or null for the whole workshop. */
  agendaItemId: string | null;
  /** Who asked for it: the version's author. */
  by: string;
}

/**
 * Writes the workshop's outcome (agenda and time spent, attendance, closed polls' results,
 * decisions and actions) at the end of its notes document, in the notes' language, as one
 * server-side change that every open editor receives live; then records the named version
 * "Workshop outcome — <date>". Callers check that `scope.by` may facilitate the workshop.
 */
export async function writeWorkshopOutcome(
  ctx: ServiceContext,
  live: LiveDocuments,
  workshop: Workshop,
  scope: OutcomeScope,
): Promise<DocumentVersion> {
  const notes = await ctx.store.documents.get(workshop.notesDocumentId);
  if (!notes) throw new AppError('not_found', 'The workshop has no notes document.');
  if (scope.agendaItemId !== null && !workshop.agenda.some((a) => a.id === scope.agendaItemId)) {
    throw new AppError('not_found', 'No such agenda item.');
  }
  const inScope = (of: { agendaItemId: string | null }) =>
    scope.agendaItemId === null || of.agendaItemId === scope.agendaItemId;

  const store = ctx.store.workshops;
  const [allPolls, allOutcomes, attendance] = await Promise.all([
    store.listPolls(workshop.id),
    store.listOutcomes(workshop.id),
    scope.agendaItemId === null ? store.listAttendance(workshop.id) : Promise.resolve([]),
  ]);
  // Only closed polls are tallied: an open poll's ballots never leave the store.
  const closed = allPolls.filter((p) => p.status === 'closed' && inScope(p));
  const polls = await Promise.all(
    closed.map(async (poll) => ({
      poll,
      results: tallyPoll(poll, await store.listBallots(poll.id)),
    })),
  );
  const outcomes = allOutcomes.filter(inScope);
  const people = await lookUpPeople(ctx, [
    ...attendance.map((a) => a.userId),
    ...outcomes.flatMap((o) => (o.ownerId === null ? [] : [o.ownerId])),
  ]);

  const blocks = composeOutcome({
    workshop,
    language: notes.language,
    agendaItemId: scope.agendaItemId,
    polls,
    outcomes,
    attendance,
    person: (id) => people.get(id),
    now: ctx.now().toISOString(),
  });
  await live.change(notes.id, (doc, origin) =>
    appendBlocks(doc, blocks, origin, logDamage(ctx.logger, { documentId: notes.id })),
  );
  const name = outcomeText(notes.language).title(workshop.startedAt ?? workshop.startsAt);
  return takeVersion(ctx, live, {
    document: notes,
    kind: 'named',
    name: name.slice(0, VERSION_LIMITS.nameChars),
    createdBy: scope.by,
  });
}

/** The people named, with their organisation and country as they are now. */
async function lookUpPeople(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<Map<string, WorkshopPerson>> {
  const people = new Map<string, WorkshopPerson>();
  const organisations = new Map<string, { name: string; country: string } | null>();
  for (const id of new Set(ids)) {
    const user = await ctx.store.users.get(id);
    if (!user) continue;
    if (!organisations.has(user.organisationId)) {
      organisations.set(
        user.organisationId,
        await ctx.store.organisations.get(user.organisationId),
      );
    }
    const org = organisations.get(user.organisationId);
    people.set(id, {
      id,
      name: user.name,
      organisationName: org?.name ?? '',
      country: org?.country ?? 'ZZ',
    });
  }
  return people;
}
