import type { CreateWorkshopRequest, PollList, WorkshopView } from '@polisee/contracts';
import { request, type PoliseeAccess } from './polisee.js';

/** The agenda of the bench's workshop: enough items to step forward and back through. */
const AGENDA = ['Opening', 'Priorities for the plan', 'Foresight exercise', 'Next steps'];

/**
 * Creates a workshop in the bench's working group, as the demo lead, scheduled to start later
 * (so it stays idle until the bench takes it live), with `facilitatorIds` named at creation.
 * The server creates and links its notes document, which the bench's editors then open.
 */
export async function createBenchWorkshop(
  access: PoliseeAccess,
  facilitatorIds: string[],
): Promise<WorkshopView> {
  const startsAt = Date.now() + 10 * 60_000;
  const body: CreateWorkshopRequest = {
    title: 'Bench workshop: draft joint strategic plan',
    workingGroupId: access.workingGroupId,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 2 * 3600_000).toISOString(),
    language: 'en',
    agenda: AGENDA.map((title) => ({ title, minutes: 20 })),
    facilitatorIds,
  };
  return request<WorkshopView>(access.base, 'POST', '/api/workshops', {
    cookie: access.lead.cookie,
    body,
  });
}

export function listPolls(
  access: PoliseeAccess,
  workshopId: string,
  cookie: string,
): Promise<PollList> {
  return request<PollList>(access.base, 'GET', `/api/workshops/${workshopId}/polls`, { cookie });
}

export function getWorkshop(access: PoliseeAccess, workshopId: string): Promise<WorkshopView> {
  return request<WorkshopView>(access.base, 'GET', `/api/workshops/${workshopId}`, {
    cookie: access.lead.cookie,
  });
}
