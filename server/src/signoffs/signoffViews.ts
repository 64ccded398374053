import { AppError, signoffStatus, type PoliDocument, type SignoffRequest } from '@polisee/domain';
import type { SignoffStatusItem, SignoffView } from '@polisee/contracts';
import { canOnSignoff, forbidden, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { lapseChangedSignoffs } from './lapseSignoffs.js';

/** A request the actor may read, with its document. Requests of unreadable documents do not exist. */
export async function getReadableSignoff(
  ctx: ServiceContext,
  actor: Actor,
  requestId: string,
): Promise<{ request: SignoffRequest; doc: PoliDocument }> {
  const request = await ctx.store.signoffs.get(requestId);
  if (!request) throw new AppError('not_found', 'No such sign-off request.');
  try {
    const doc = await getReadableDocument(ctx, actor, request.documentId);
    if (!canOnSignoff(actor, 'signoff.read', doc.workingGroupId)) throw forbidden();
    return { request, doc };
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      throw new AppError('not_found', 'No such sign-off request.');
    }
    throw err;
  }
}

/** Views of a document's requests (newest first), with names as they are now. */
export async function toSignoffViews(
  ctx: ServiceContext,
  requests: SignoffRequest[],
  latestId: string | undefined,
): Promise<SignoffView[]> {
  if (requests.length === 0) return [];
  const workingGroupId = requests[0]!.workingGroupId;
  const [users, organisations, signatories] = await Promise.all([
    ctx.store.users.list(),
    ctx.store.organisations.list(),
    ctx.store.signoffs.listSignatories(workingGroupId),
  ]);
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const userOf = new Map(users.map((u) => [u.id, u]));
  const views: SignoffView[] = [];
  for (const request of requests) {
    const version = await ctx.store.versions.get(request.versionId);
    if (!version) throw new AppError('internal', 'A sign-off names a version that does not exist.');
    const requester = userOf.get(request.requestedBy);
    views.push({
      ...request,
      status: signoffStatus(request),
      isCurrent: request.id === latestId,
      version,
      requester: requester
        ? {
            id: requester.id,
            name: requester.name,
            organisationName: orgName.get(requester.organisationId) ?? '',
          }
        : null,
      organisations: request.organisationIds.map((organisationId) => {
        const signatoryId =
          signatories.find((s) => s.organisationId === organisationId)?.userId ?? null;
        const answer = request.answers.find((a) => a.organisationId === organisationId) ?? null;
        return {
          organisationId,
          organisationName: orgName.get(organisationId) ?? '',
          signatoryId,
          signatoryName: signatoryId ? (userOf.get(signatoryId)?.name ?? null) : null,
          answer,
          answeredByName: answer ? (userOf.get(answer.userId)?.name ?? null) : null,
        };
      }),
    });
  }
  return views;
}

/**
 * A document's requests, newest first, each lapsed first if the text moved since its version:
 * reading them is one of the moments a lapse is noticed (the other is a new version,
 * `watchSignoffLapses`).
 */
export async function listDocumentSignoffs(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  documentId: string,
): Promise<SignoffView[]> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  if (!canOnSignoff(actor, 'signoff.read', doc.workingGroupId)) throw forbidden();
  const requests = await lapseChangedSignoffs(
    ctx,
    live,
    doc,
    await ctx.store.signoffs.listForDocument(documentId),
  );
  return toSignoffViews(ctx, requests, requests[0]?.id);
}

/** One request, as the document page shows it (after the same lapse check). */
export async function getSignoff(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  requestId: string,
): Promise<SignoffView> {
  const { doc } = await getReadableSignoff(ctx, actor, requestId);
  const requests = await lapseChangedSignoffs(
    ctx,
    live,
    doc,
    await ctx.store.signoffs.listForDocument(doc.id),
  );
  const request = requests.find((r) => r.id === requestId)!;
  const [view] = await toSignoffViews(ctx, [request], requests[0]?.id);
  return view!;
}

/**
 * The catalogue's chips: the status of each readable document's latest request, as recorded.
 * No document is opened here (a catalogue page may list hundreds): a lapse shows once it was
 * noticed, by a new version of the document or by someone reading its sign-offs.
 */
export async function listSignoffStatuses(
  ctx: ServiceContext,
  actor: Actor,
  documentIds: string[],
): Promise<SignoffStatusItem[]> {
  // Reading sign-offs is being of the group (or an admin), which reading its documents follows
  // from: a request of another group's document is left out as if it did not exist.
  const latest = await ctx.store.signoffs.latestForDocuments(documentIds);
  return latest
    .filter((r) => canOnSignoff(actor, 'signoff.read', r.workingGroupId))
    .map((r) => ({ documentId: r.documentId, requestId: r.id, status: signoffStatus(r) }));
}

/** Announces a changed request to the document's subscribers and returns its view. */
export async function announceSignoff(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  requestId: string,
): Promise<SignoffView> {
  const request = await ctx.store.signoffs.get(requestId);
  if (!request) throw new AppError('not_found', 'No such sign-off request.');
  ctx.events.emit('signoffChanged', { documentId: request.documentId, requestId });
  return getSignoff(ctx, live, actor, requestId);
}
