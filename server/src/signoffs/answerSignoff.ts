import { AppError, signoffIsLive, signoffStatus } from '@polisee/domain';
import type { AnswerSignoffRequestSchema, SignoffView } from '@polisee/contracts';
import type { z } from 'zod';
import { canAnswerSignoff, forbidden } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { lapseChangedSignoffs } from './lapseSignoffs.js';
import { notifySignoff } from './notifySignoff.js';
import { announceSignoff, getReadableSignoff } from './signoffViews.js';

/**
 * A signatory's answer for their organisation: consent, consent with reservations, or an
 * objection. It is final (decision 0065, as verdicts in 0022): a second answer of the
 * organisation is refused, and there is no route to edit or remove one. A request that lapsed
 * (checked first: the text may have moved since the page was read) or was withdrawn takes none.
 * The lead hears of each answer; the group hears when the request is signed off or objected.
 */
export async function answerSignoff(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  requestId: string,
  req: z.output<typeof AnswerSignoffRequestSchema>,
): Promise<SignoffView> {
  const { request, doc } = await getReadableSignoff(ctx, actor, requestId);
  const organisationId = actor.user.organisationId;
  const signatory =
    (await ctx.store.signoffs.listSignatories(doc.workingGroupId)).find(
      (s) => s.organisationId === organisationId,
    )?.userId ?? null;
  if (!canAnswerSignoff(actor, doc.workingGroupId, signatory)) {
    throw forbidden('Only the designated signatory of an organisation answers for it.');
  }
  if (!request.organisationIds.includes(organisationId)) {
    throw forbidden('Your organisation is not asked to sign off this version.');
  }
  const [current] = await lapseChangedSignoffs(ctx, live, doc, [request]);
  if (!signoffIsLive(current!)) {
    throw new AppError(
      'conflict',
      current!.lapsedAt
        ? 'This sign-off lapsed: the text changed after its version.'
        : 'This sign-off was withdrawn.',
    );
  }
  const before = signoffStatus(current!);
  const recorded = await ctx.store.signoffs.addAnswer(request.id, {
    organisationId,
    userId: actor.user.id,
    answer: req.answer,
    text: req.text,
    answeredAt: ctx.now().toISOString(),
  });
  if (!recorded) {
    throw new AppError('conflict', 'Your organisation already answered; an answer is final.');
  }
  const updated = (await ctx.store.signoffs.get(request.id))!;
  const after = signoffStatus(updated);
  await notifySignoff(ctx, {
    actor: actor.user,
    doc,
    type: 'signoff_answered',
    to: [request.requestedBy],
    text: req.text,
  });
  if (after !== before && (after === 'signed_off' || after === 'objected')) {
    await notifySignoff(ctx, {
      actor: actor.user,
      doc,
      type: after === 'signed_off' ? 'signoff_signed_off' : 'signoff_objected',
      to: 'group',
      text: req.text,
    });
  }
  return announceSignoff(ctx, live, actor, request.id);
}
