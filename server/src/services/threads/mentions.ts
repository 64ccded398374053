import type { Mentionable } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import type { Actor } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';

/** Members of the document's working group: who may be @mentioned in its threads. */
export async function listMentionable(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
): Promise<Mentionable[]> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  const [memberships, users, organisations] = await Promise.all([
    ctx.store.memberships.listForGroup(doc.workingGroupId),
    ctx.store.users.list(),
    ctx.store.organisations.list(),
  ]);
  const memberIds = new Set(memberships.map((m) => m.userId));
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  return users
    .filter((u) => memberIds.has(u.id))
    .map((u) => ({
      id: u.id,
      name: u.name,
      organisationName: orgNames.get(u.organisationId) ?? '',
    }));
}

/**
 * Keeps only mentions of people who can read the document (members of its working group).
 * Anyone else is dropped silently: a mention never discloses a document to an outsider.
 */
export async function validMentions(
  ctx: ServiceContext,
  doc: Pick<PoliDocument, 'workingGroupId'>,
  mentions: string[],
): Promise<string[]> {
  if (mentions.length === 0) return [];
  const members = new Set(
    (await ctx.store.memberships.listForGroup(doc.workingGroupId)).map((m) => m.userId),
  );
  return mentions.filter((id) => members.has(id));
}
