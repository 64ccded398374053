import {
  AppError,
  type ActivityType,
  type DocumentStatus,
  type DocumentVersion,
  type PoliDocument,
  type User,
} from '@polisee/domain';
import type { ServiceContext } from './context.js';
import {
  notifyAboutDocument,
  responsibleFor,
  type DocumentRecipient,
} from './documentNotifications.js';
import type { LiveDocuments } from './liveDocuments.js';
import { recordActivity } from './recordActivity.js';
import { takeVersion } from './versions/recordVersion.js';

/** The review workflow's statuses; archiving and unarchiving have their own service. */
export type ReviewStatus = Extract<
  DocumentStatus,
  'in_review' | 'changes_requested' | 'approved' | 'published'
>;

/**
 * The one way a document's review status changes. Each change is marked by a version — the one
 * the caller took for it (a review's frozen version, a publication) or else a `status` version
 * of the live document — stored, announced, recorded in the activity feed and told to the
 * people answerable for the document. Setting the status it already has changes nothing.
 */
export async function changeDocumentStatus(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: {
    documentId: string;
    status: ReviewStatus;
    actor: Pick<User, 'id' | 'name'>;
    version?: DocumentVersion;
    /** The activity line for the change (default `status_changed`). */
    activity?: ActivityType;
    /** Told first, with their own notification type (a verdict's requester, say). */
    recipients?: DocumentRecipient[];
    text?: string;
  },
): Promise<{ doc: PoliDocument; version: DocumentVersion | null }> {
  // Read fresh: two verdicts may arrive together, each deciding from what is stored.
  const doc = await ctx.store.documents.get(input.documentId);
  if (!doc) throw new AppError('not_found', 'No such document.');
  if (doc.status === 'archived') {
    throw new AppError('conflict', 'The document is archived; unarchive it first.');
  }
  if (doc.status === input.status) return { doc, version: input.version ?? null };

  const updated: PoliDocument = {
    ...doc,
    status: input.status,
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.store.documents.update(doc.id, {
    status: updated.status,
    updatedAt: updated.updatedAt,
  });
  const version =
    input.version ??
    (await takeVersion(ctx, live, {
      document: updated,
      kind: 'status',
      createdBy: input.actor.id,
    }));
  ctx.events.emit('documentChanged', updated);
  await recordActivity(ctx, {
    type: input.activity ?? 'status_changed',
    actor: input.actor,
    workingGroupId: doc.workingGroupId,
    document: updated,
  });
  await notifyAboutDocument(ctx, {
    actor: input.actor,
    doc: updated,
    recipients: [
      ...(input.recipients ?? []),
      ...(await responsibleFor(ctx, updated)).map((userId) => ({
        userId,
        type: 'status_changed' as const,
      })),
    ],
    text: input.text ?? '',
  });
  return { doc: updated, version };
}
