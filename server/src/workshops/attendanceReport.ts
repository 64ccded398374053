import type { AttendanceReport, WorkshopPerson } from '@polisee/contracts';
import { assertWorkshop, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableWorkshop, toWorkshopView } from './workshopAccess.js';

/**
 * Who joined the live workshop and left it, and when, each stay with the person's organisation
 * and country as they are now: kept for programme reporting, shown to facilitators only.
 */
export async function attendanceReport(
  ctx: ServiceContext,
  actor: Actor,
  workshopId: string,
): Promise<AttendanceReport> {
  const workshop = await getReadableWorkshop(ctx, actor, workshopId);
  assertWorkshop(actor, 'workshop.seeAttendance', workshop);
  const stays = await ctx.store.workshops.listAttendance(workshop.id);
  // The workshop view names people with their organisation and country: ask it for these.
  const view = await toWorkshopView(
    ctx,
    workshop,
    [],
    stays.map((s) => s.userId),
  );
  const people = new Map(view.people.map((p) => [p.id, p]));
  const unknown = (id: string): WorkshopPerson => ({
    id,
    name: '',
    organisationName: '',
    country: 'ZZ',
  });
  return {
    items: stays.map((stay) => ({
      ...stay,
      person: people.get(stay.userId) ?? unknown(stay.userId),
    })),
  };
}
