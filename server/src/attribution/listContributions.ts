import type {
  ContributionsResponse,
  DocumentContributionsQuery,
  ProgrammeContributionsQuery,
} from '@polisee/contracts';
import { AppError, type PoliDocument } from '@polisee/domain';
import {
  canSeeDocumentContributions,
  canSeeProgrammeContributions,
  forbidden,
  type Actor,
} from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import { summariseContributions } from './summariseContributions.js';

/** A day's range as ISO instants: `to` is inclusive, so the range ends at the next midnight. */
function instants(from?: string, to?: string) {
  const next = to ? new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000) : undefined;
  return { from: from ? `${from}T00:00:00.000Z` : undefined, to: next?.toISOString() };
}

async function summarise(
  ctx: ServiceContext,
  docs: readonly PoliDocument[],
  query: {
    from?: string;
    to?: string;
    period: 'day' | 'month';
    groupBy: 'organisation' | 'country';
  },
): Promise<ContributionsResponse> {
  // Every entry of the documents: a suggestion settled in range may have been made before it.
  const entries = await ctx.store.attribution.listContributions({
    documentIds: docs.map((d) => d.id),
  });
  const organisationNames = new Map<string, string>();
  for (const organisationId of new Set(entries.map((e) => e.organisationId))) {
    const organisation = await ctx.store.organisations.get(organisationId);
    if (organisation) organisationNames.set(organisationId, organisation.name);
  }
  return summariseContributions(
    entries,
    { documentTitles: new Map(docs.map((d) => [d.id, d.title])), organisationNames },
    { ...instants(query.from, query.to), period: query.period, groupBy: query.groupBy },
  );
}

/** A document's contributions per organisation (with its country) and period. */
export async function listDocumentContributions(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
  query: DocumentContributionsQuery,
): Promise<ContributionsResponse> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  if (!canSeeDocumentContributions(actor, doc)) throw forbidden();
  return summarise(ctx, [doc], { ...query, groupBy: 'organisation' });
}

/** A working group's (or, for admins, the programme's) contributions per document and period. */
export async function listProgrammeContributions(
  ctx: ServiceContext,
  actor: Actor,
  query: ProgrammeContributionsQuery,
): Promise<ContributionsResponse> {
  if (!canSeeProgrammeContributions(actor, query.workingGroupId)) throw forbidden();
  if (query.workingGroupId && !(await ctx.store.workingGroups.get(query.workingGroupId)))
    throw new AppError('not_found', 'No such working group.');
  const docs = await ctx.store.documents.list({
    ...(query.workingGroupId ? { workingGroupId: query.workingGroupId } : {}),
    includeArchived: true,
  });
  return summarise(ctx, docs, query);
}
