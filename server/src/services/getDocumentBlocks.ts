import type { DocumentBlocks } from '@polisee/editor-schema';
import { readBlocks } from '@polisee/editor-schema';
import { logDamage } from '../content/documentRepair.js';
import { ydocToContent } from '../content/yjsContent.js';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import { getReadableDocument } from './documents.js';
import type { LiveDocuments } from './liveDocuments.js';

/**
 * The method blocks of a document as structured data, for its readers: read from the live
 * document when a room is open (edits not yet stored included), else from the stored state.
 * Not found when the actor may not read the document. Scores are not in the document (the
 * route adds the revealed results: `matrixAssessments`).
 */
export async function getDocumentBlocks(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  documentId: string,
): Promise<{ documentId: string } & DocumentBlocks> {
  await getReadableDocument(ctx, actor, documentId);
  const json = await live.read(
    documentId,
    (doc) => ydocToContent(doc, logDamage(ctx.logger, { documentId })).json,
  );
  return { documentId, ...readBlocks(json) };
}
