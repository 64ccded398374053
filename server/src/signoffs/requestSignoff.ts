import { AppError, signoffIsLive, signoffStatus, type SignoffRequest } from '@polisee/domain';
import type { RequestSignoffRequestSchema, SignoffView } from '@polisee/contracts';
import type { z } from 'zod';
import { canOnSignoff, forbidden } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { groupOrganisations } from './groupOrganisations.js';
import { currentContentHash, lapseChangedSignoffs } from './lapseSignoffs.js';
import { notifySignoff } from './notifySignoff.js';
import { announceSignoff } from './signoffViews.js';

type RequestSignoffInput = z.output<typeof RequestSignoffRequestSchema>;

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', `Invalid body: ${path}: ${message}`, [
    { path, code: 'invalid_value', message },
  ]);
}

/**
 * The lead asks partner organisations to sign off a version (decision 0065): every organisation
 * of the group, or the ones named. The version must read as the document does now — consent to
 * a text already superseded would lapse at once — and the document may have one pending request
 * at a time. Each organisation's signatory is told; an organisation with none shows "no
 * signatory" until the lead names one.
 */
export async function requestSignoff(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  documentId: string,
  req: RequestSignoffInput,
): Promise<SignoffView> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  if (!canOnSignoff(actor, 'signoff.request', doc.workingGroupId, doc)) {
    throw forbidden('Only the working group’s lead asks for a sign-off.');
  }
  const version = await ctx.store.versions.get(req.versionId);
  if (!version || version.documentId !== doc.id) {
    throw invalid('versionId', 'not a version of this document');
  }
  const ofGroup = (await groupOrganisations(ctx, doc.workingGroupId)).map((o) => o.organisation.id);
  const organisationIds = req.organisationIds ?? ofGroup;
  for (const [i, id] of organisationIds.entries()) {
    if (!ofGroup.includes(id)) {
      throw invalid(`organisationIds.${i}`, 'not an organisation of this working group');
    }
  }
  if (organisationIds.length === 0) {
    throw invalid('organisationIds', 'the working group has no organisation to ask');
  }
  const required = req.quorum === 'all' ? organisationIds.length : req.required!;
  if (required > organisationIds.length) {
    throw invalid('required', `at most the ${organisationIds.length} organisations asked`);
  }
  if (version.contentHash !== (await currentContentHash(ctx, live, doc.id))) {
    throw new AppError(
      'conflict',
      'The document changed after this version: save a version of the text as it is now, and ask for that one.',
    );
  }
  const existing = await lapseChangedSignoffs(
    ctx,
    live,
    doc,
    await ctx.store.signoffs.listForDocument(doc.id),
  );
  if (existing.some((r) => signoffIsLive(r) && signoffStatus(r) === 'pending')) {
    throw new AppError('conflict', 'A sign-off of this document is pending: withdraw it first.');
  }

  const request: SignoffRequest = {
    id: ctx.newId(),
    documentId: doc.id,
    workingGroupId: doc.workingGroupId,
    versionId: version.id,
    requestedBy: actor.user.id,
    requestedAt: ctx.now().toISOString(),
    message: req.message,
    quorum: req.quorum,
    required,
    organisationIds,
    answers: [],
    withdrawnAt: null,
    withdrawnBy: null,
    lapsedAt: null,
  };
  await ctx.store.signoffs.create(request);
  const signatories = await ctx.store.signoffs.listSignatories(doc.workingGroupId);
  await notifySignoff(ctx, {
    actor: actor.user,
    doc,
    type: 'signoff_requested',
    to: signatories.filter((s) => organisationIds.includes(s.organisationId)).map((s) => s.userId),
    text: req.message,
  });
  return announceSignoff(ctx, live, actor, request.id);
}
