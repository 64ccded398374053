import type { CapturedState } from '../../content/versionContent.js';
import type { ServiceContext } from '../context.js';
import { recordVersion } from './recordVersion.js';

/**
 * Stores an automatic version of a state captured after a burst of edits, unless the document
 * is gone or the content equals the latest version's (typing and deleting it again is not a
 * new version).
 */
export async function recordAutoVersion(
  ctx: ServiceContext,
  input: { documentId: string; captured: CapturedState; contributorIds: string[] },
): Promise<void> {
  const document = await ctx.store.documents.get(input.documentId);
  if (!document) return;
  const [latest] = await ctx.store.versions.list(input.documentId, { limit: 1 });
  if (latest?.contentHash === input.captured.contentHash) return;
  await recordVersion(ctx, {
    document,
    kind: 'auto',
    createdBy: null,
    captured: input.captured,
    contributorIds: input.contributorIds,
    background: true,
  });
}
