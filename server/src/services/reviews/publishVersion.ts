import { AppError, reviewOutcome, type Publication } from '@polisee/domain';
import type { PublishedDocument, PublishResponse } from '@polisee/contracts';
import { assertDocument, type Actor } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';
import { changeDocumentStatus } from '../documentStatus.js';
import type { LiveDocuments } from '../liveDocuments.js';
import type { AuthenticatedActor } from '../loadActor.js';
import { getDocumentVersion, recordVersion, versionState } from '../versions/recordVersion.js';
import { logDamage } from '../../content/documentRepair.js';

/**
 * Publishes the version the current review round approved. What is published is that version's
 * content, exactly; the live document goes on being drafted. The history gets a `published`
 * version (a copy of the approved one) and the round closes.
 */
export async function publishVersion(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  documentId: string,
  versionId: string,
): Promise<PublishResponse> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  assertDocument(actor, 'document.publish', doc);
  const version = await getDocumentVersion(ctx, documentId, versionId);
  const round = (await ctx.store.reviews.listForDocument(documentId))[0];
  if (
    doc.status !== 'approved' ||
    !round ||
    round.versionId !== version.id ||
    reviewOutcome(round) !== 'approved'
  ) {
    throw new AppError(
      'conflict',
      'Only the version approved in the current review round can be published.',
    );
  }
  const state = await versionState(ctx, version);
  const published = await recordVersion(ctx, {
    document: doc,
    kind: 'published',
    createdBy: actor.user.id,
    documentStatus: 'published',
    sourceVersionId: version.id,
    captured: { state, stateVector: version.stateVector, contentHash: version.contentHash },
    // A copy of the approved content: nobody's edits since the last version are in it.
    contributorIds: [],
  });
  const now = ctx.now().toISOString();
  const publication: Publication = {
    id: ctx.newId(),
    documentId,
    versionId: version.id,
    publishedAt: now,
    publishedBy: actor.user.id,
  };
  await ctx.store.publications.add(publication);
  await ctx.store.reviews.closeOpen(documentId, now);
  const { doc: updated } = await changeDocumentStatus(ctx, live, {
    documentId,
    status: 'published',
    actor: actor.user,
    version: published,
    activity: 'document_published',
  });
  const closed = await ctx.store.reviews.get(round.id);
  if (closed) ctx.events.emit('reviewChanged', closed);
  return { document: updated, publication };
}

/** The published content of a document, read-only: exactly the published version's. */
export async function getPublishedDocument(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
): Promise<PublishedDocument> {
  await getReadableDocument(ctx, actor, documentId);
  const publication = await ctx.store.publications.latest(documentId);
  if (!publication) throw new AppError('not_found', 'This document has not been published.');
  const version = await getDocumentVersion(ctx, documentId, publication.versionId);
  const { json, text, damage } = await ctx.contentReader.read({
    snapshot: await versionState(ctx, version),
    updates: [],
  });
  if (damage.length > 0) logDamage(ctx.logger, { documentId, versionId: version.id })(damage);
  return { documentId, publication, version, json: json as Record<string, unknown>, text };
}
