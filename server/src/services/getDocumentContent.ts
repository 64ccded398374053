import { AppError } from '@polisee/domain';
import type { DocumentContent } from '@polisee/contracts';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import { getReadableDocument } from './documents.js';
import { logDamage } from '../content/documentRepair.js';

export async function getDocumentContent(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<DocumentContent> {
  await getReadableDocument(ctx, actor, id);
  const stored = await ctx.store.documentState.load(id);
  if (!stored) throw new AppError('not_found', 'No such document.');
  const { json, text, damage } = await ctx.contentReader.read({
    snapshot: stored.snapshot,
    updates: stored.updates.map((u) => u.update),
  });
  if (damage.length > 0) logDamage(ctx.logger, { documentId: id })(damage);
  return { documentId: id, json: json as Record<string, unknown>, text };
}
