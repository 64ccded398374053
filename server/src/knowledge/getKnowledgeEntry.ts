import { AppError, isKnowledgeKind, type PoliDocument } from '@polisee/domain';
import type { KnowledgeEntryView, KnowledgeLink } from '@polisee/contracts';
import { logDamage } from '../content/documentRepair.js';
import { canOnDocument, canReadPublished, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getDocumentVersion, versionState } from '../services/versions/recordVersion.js';
import { linkedDocumentIds } from './documentLinks.js';
import { describeEntries } from './knowledgeEntries.js';
import type { LinkScope } from './store/port.js';

/**
 * The published view of an entry: exactly its published version's content, read-only, with the
 * documents it links to and those linking to it. Neither list names a document the reader may
 * not open, nor counts it (decision 0062: a count would tell that a group they cannot read
 * wrote about this entry).
 */
export async function getKnowledgeEntry(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
): Promise<KnowledgeEntryView> {
  const doc = await ctx.store.documents.get(documentId);
  const publication =
    doc && isKnowledgeKind(doc.kind) ? await ctx.store.publications.latest(doc.id) : null;
  if (!doc || !publication || !canReadPublished(actor, { ...doc, published: true })) {
    // Whether a draft exists is its group's business: the same answer as for no document.
    throw new AppError('not_found', 'No such entry in the knowledge base.');
  }
  const version = await getDocumentVersion(ctx, doc.id, publication.versionId);
  const { json, damage } = await ctx.contentReader.read({
    snapshot: await versionState(ctx, version),
    updates: [],
  });
  if (damage.length > 0) logDamage(ctx.logger, { documentId, versionId: version.id })(damage);
  const [entry] = await describeEntries(ctx, [{ doc, publication }]);

  const links: KnowledgeLink[] = [];
  for (const id of linkedDocumentIds(json)) {
    const link = id === doc.id ? null : await openable(ctx, actor, id, ['latest', 'published']);
    if (link) links.push(link);
  }
  const scopesByDocument = new Map<string, LinkScope[]>();
  for (const l of await ctx.store.knowledge.linksTo(doc.id)) {
    scopesByDocument.set(l.fromDocumentId, [
      ...(scopesByDocument.get(l.fromDocumentId) ?? []),
      l.scope,
    ]);
  }
  const referencedBy: KnowledgeLink[] = [];
  for (const [fromId, scopes] of scopesByDocument) {
    const link = await openable(ctx, actor, fromId, scopes);
    if (link) referencedBy.push(link);
  }
  return {
    entry: entry!,
    versionId: version.id,
    json: json as Record<string, unknown>,
    links,
    referencedBy: referencedBy.sort((a, b) => a.title.localeCompare(b.title)),
    mayOpenDocument: canOnDocument(actor, 'document.read', doc),
  };
}

/**
 * How the reader may open a linked document, if at all: in the editor when they read its group
 * (whichever version holds the link), as a published entry when the link is in its published
 * version and they may read that.
 */
async function openable(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  scopes: readonly LinkScope[],
): Promise<KnowledgeLink | null> {
  const doc = await ctx.store.documents.get(id);
  if (!doc) return null;
  const as = (opensAs: KnowledgeLink['opensAs']): KnowledgeLink => ({
    documentId: doc.id,
    title: doc.title,
    kind: doc.kind,
    opensAs,
  });
  if (canOnDocument(actor, 'document.read', doc)) return as('document');
  if (scopes.includes('published') && (await publishedEntryReadable(ctx, actor, doc))) {
    return as('knowledge');
  }
  return null;
}

async function publishedEntryReadable(ctx: ServiceContext, actor: Actor, doc: PoliDocument) {
  if (!isKnowledgeKind(doc.kind)) return false;
  const published = (await ctx.store.publications.latest(doc.id)) !== null;
  return canReadPublished(actor, { ...doc, published });
}
