import { AppError, type Language, type Workshop } from '@polisee/domain';
import type { EventAttributes } from 'ics';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableWorkshop } from './workshopAccess.js';

/** The unit after an agenda item's minutes, in the workshop's language (the file is its text). */
const MINUTES: Record<Language, string> = {
  en: 'min',
  sq: 'min',
  bg: 'мин.',
  el: 'λεπτά',
  hu: 'perc',
  ro: 'min',
};

export interface WorkshopCalendarFile {
  filename: string;
  ics: string;
}

/**
 * The workshop as an iCalendar event (RFC 5545), for the invitation's "add to calendar": the
 * title, the purpose and agenda, start and end in UTC (each calendar shows them in its owner's
 * time zone), a link to the workshop page and the creator as organizer. The UID is the
 * workshop's, so importing the file again updates the event rather than adding a second one.
 */
export async function workshopCalendar(
  ctx: ServiceContext,
  actor: Actor,
  workshopId: string,
  /** Where the workspace is reached: the configured public origin, else the request's own. */
  origin: string,
): Promise<WorkshopCalendarFile> {
  const workshop = await getReadableWorkshop(ctx, actor, workshopId);
  const organizer = await ctx.store.users.get(workshop.createdBy);
  const event: EventAttributes = {
    uid: `workshop-${workshop.id}@polisee`,
    productId: 'polisee/workshops',
    method: 'PUBLISH',
    title: workshop.title,
    description: describe(workshop),
    start: Date.parse(workshop.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(workshop.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    url: new URL(`/workshops/${encodeURIComponent(workshop.id)}`, origin).href,
    status: 'CONFIRMED',
    created: Date.parse(workshop.createdAt),
    lastModified: Date.parse(workshop.updatedAt),
    ...(organizer ? { organizer: { name: organizer.name, email: organizer.email } } : {}),
  };
  // Loaded when a calendar file is asked for: ics and its date libraries are ~1.4 MB of heap.
  const { createEvent } = await import('ics');
  const { error, value } = createEvent(event);
  if (error || !value) {
    ctx.logger.error({ err: error, workshopId }, 'could not write the workshop calendar file');
    throw new AppError('internal', 'The calendar file could not be made.');
  }
  return { filename: `${fileStem(workshop.title)}.ics`, ics: value };
}

/** The purpose, then the agenda as numbered lines with their planned minutes. */
function describe(workshop: Workshop): string {
  const agenda = workshop.agenda.map(
    (item, i) => `${i + 1}. ${item.title} (${item.minutes} ${MINUTES[workshop.language]})`,
  );
  return [workshop.purpose, agenda.join('\n')].filter((part) => part.length > 0).join('\n\n');
}

/** A file name every system accepts: the title without path separators or reserved characters. */
function fileStem(title: string): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  // By code point, so that a character outside the BMP is never split in two.
  const stem = Array.from(cleaned).slice(0, 80).join('').trimEnd();
  return stem || 'workshop';
}
