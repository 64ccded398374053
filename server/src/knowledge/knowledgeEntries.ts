import {
  KNOWLEDGE_KINDS,
  isKnowledgeKind,
  type PoliDocument,
  type Publication,
} from '@polisee/domain';
import type { KnowledgeEntry } from '@polisee/contracts';
import { canReadPublished, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getDocumentVersion, versionState } from '../services/versions/recordVersion.js';
import { summaryOf } from './documentLinks.js';

/** A published document of a knowledge kind, with its latest publication. */
export interface PublishedEntry {
  doc: PoliDocument;
  publication: Publication;
}

/** Every entry of the knowledge base the actor may read: not archived, published, newest first. */
export async function readableEntries(
  ctx: ServiceContext,
  actor: Actor,
): Promise<PublishedEntry[]> {
  const docs = (
    await Promise.all(KNOWLEDGE_KINDS.map((kind) => ctx.store.documents.list({ kind })))
  ).flat();
  const entries: PublishedEntry[] = [];
  for (const doc of docs) {
    const publication = await ctx.store.publications.latest(doc.id);
    if (publication && canReadPublished(actor, { ...doc, published: true })) {
      entries.push({ doc, publication });
    }
  }
  return entries.sort((a, b) => b.publication.publishedAt.localeCompare(a.publication.publishedAt));
}

/** What the cards show: group names, countries, summaries, read in a few calls for all entries. */
export async function describeEntries(
  ctx: ServiceContext,
  entries: readonly PublishedEntry[],
): Promise<KnowledgeEntry[]> {
  const [groups, users, organisations, summaries] = await Promise.all([
    ctx.store.workingGroups.list(),
    ctx.store.users.list(),
    ctx.store.organisations.list(),
    ctx.store.knowledge.summaries(entries.map((e) => e.publication.versionId)),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const orgCountry = new Map(organisations.map((o) => [o.id, o.country]));
  const userCountry = new Map(users.map((u) => [u.id, orgCountry.get(u.organisationId)]));
  const described: KnowledgeEntry[] = [];
  for (const { doc, publication } of entries) {
    if (!isKnowledgeKind(doc.kind)) continue;
    const authorCountry = userCountry.get(doc.createdBy);
    described.push({
      documentId: doc.id,
      title: doc.title,
      kind: doc.kind,
      thematicPriorities: doc.thematicPriorities,
      workingGroup: { id: doc.workingGroupId, name: groupName.get(doc.workingGroupId) ?? '' },
      // What the practice concerns; a document naming no country speaks for its author's.
      countries: doc.countries.length > 0 ? doc.countries : authorCountry ? [authorCountry] : [],
      language: doc.language,
      tags: doc.tags,
      publishedAt: publication.publishedAt,
      summary:
        summaries.get(publication.versionId) ?? (await summariseLate(ctx, doc.id, publication)),
    });
  }
  return described;
}

/**
 * A publication older than the knowledge base has no summary kept: it is read once from the
 * published version and kept, so the next listing reads no content.
 */
async function summariseLate(ctx: ServiceContext, documentId: string, publication: Publication) {
  const version = await getDocumentVersion(ctx, documentId, publication.versionId);
  const { json } = await ctx.contentReader.read({
    snapshot: await versionState(ctx, version),
    updates: [],
  });
  const summary = summaryOf(json);
  await ctx.store.knowledge.putSummary(publication.versionId, summary);
  return summary;
}
