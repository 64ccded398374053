import type { NotificationType, PoliDocument, User } from '@polisee/domain';
import type { ServiceContext } from '../services/context.js';
import { notifyAboutDocument } from '../services/documentNotifications.js';

/**
 * Sign-off news through the notifications service: to the given people, or to the whole group
 * (`'group'`: every member, for an outcome — signed off, objected, lapsed). Only readers of the
 * document are told, never the actor.
 */
export async function notifySignoff(
  ctx: ServiceContext,
  input: {
    actor: Pick<User, 'id' | 'name'>;
    doc: PoliDocument;
    type: NotificationType;
    to: string[] | 'group';
    text: string;
  },
): Promise<void> {
  const userIds =
    input.to === 'group'
      ? (await ctx.store.memberships.listForGroup(input.doc.workingGroupId)).map((m) => m.userId)
      : input.to;
  await notifyAboutDocument(ctx, {
    actor: input.actor,
    doc: input.doc,
    recipients: userIds.map((userId) => ({ userId, type: input.type })),
    text: input.text,
  });
}
