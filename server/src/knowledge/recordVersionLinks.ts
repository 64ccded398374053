import type { DocumentVersion } from '@polisee/domain';
import type { ServiceContext } from '../services/context.js';
import { linkedDocumentIds, summaryOf } from './documentLinks.js';

/**
 * Keeps what the knowledge base derives from a version as it is stored (decision 0062): the
 * documents it links to, as the document's `latest` links, and, for a published version, as its
 * `published` links too, with the summary its card shows. Derived data: a failure is logged and
 * the version stays stored; the next version writes the links again.
 */
export async function recordVersionLinks(
  ctx: ServiceContext,
  version: DocumentVersion,
  state: Uint8Array,
  { background }: { background: boolean },
): Promise<void> {
  try {
    const { json } = await ctx.contentReader.read({ snapshot: state, updates: [] }, { background });
    const targets = await existingTargets(ctx, version.documentId, linkedDocumentIds(json));
    await ctx.store.knowledge.replaceLinks(version.documentId, 'latest', targets);
    if (version.kind === 'published') {
      await ctx.store.knowledge.replaceLinks(version.documentId, 'published', targets);
      // The publication names the approved version this one copies.
      await ctx.store.knowledge.putSummary(version.sourceVersionId ?? version.id, summaryOf(json));
    }
  } catch (err) {
    ctx.logger.error(
      { err, documentId: version.documentId, versionId: version.id },
      'could not record the links of a version',
    );
  }
}

/** Links to documents that exist, other than the document itself. */
async function existingTargets(ctx: ServiceContext, self: string, ids: readonly string[]) {
  const found: string[] = [];
  for (const id of ids) {
    if (id !== self && (await ctx.store.documents.get(id))) found.push(id);
  }
  return found;
}
