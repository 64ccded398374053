import type { SearchEntry } from '@polisee/domain';
import type { ServiceContext } from '../services/context.js';
import { decisionEntry } from './searchEntries.js';

/**
 * Brings a workshop's decisions up to date: a new decision, or a new title, status or language
 * of the workshop, which every one of its decisions carries.
 */
export async function indexWorkshopDecisions(
  ctx: ServiceContext,
  workshopId: string,
): Promise<void> {
  const workshop = await ctx.store.workshops.get(workshopId);
  if (!workshop) {
    await ctx.store.search.removeFor(workshopId);
    return;
  }
  const outcomes = await ctx.store.workshops.listOutcomes(workshopId);
  const entries = outcomes
    .map((o) => decisionEntry(workshop, o))
    .filter((e): e is SearchEntry => e !== null);
  if (entries.length > 0) await ctx.store.search.upsert(entries);
}
