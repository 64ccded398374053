import { AppError } from '@polisee/domain';
import type { DocumentContent } from '@polisee/contracts';
import { decodeStoredState, ydocToContent } from '../content/yjsContent.js';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import { getReadableDocument } from './documents.js';

export async function getDocumentContent(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<DocumentContent> {
  await getReadableDocument(ctx, actor, id);
  const stored = await ctx.store.documentState.load(id);
  if (!stored) throw new AppError('not_found', 'No such document.');
  const ydoc = decodeStoredState(stored);
  try {
    const { json, text } = ydocToContent(ydoc);
    return { documentId: id, json: json as Record<string, unknown>, text };
  } finally {
    ydoc.destroy();
  }
}
