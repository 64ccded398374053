import { op } from '../../store/mongo/q.js';
import type {
  DocumentLinkDoc,
  KnowledgeModels,
  KnowledgeSummaryDoc,
} from './mongoKnowledgeModels.js';
import type { KnowledgeRepo } from './port.js';

/**
 * The knowledge base on MongoDB. Without transactions (decision 0011), replacing a document's
 * links upserts the new ones first and then removes the others: a reader in between sees a
 * link too many for a moment, never one of the kept links missing.
 */
export function mongoKnowledgeRepo({
  DocumentLink,
  KnowledgeSummary,
}: KnowledgeModels): KnowledgeRepo {
  return {
    async replaceLinks(fromDocumentId, scope, toDocumentIds) {
      const targets = [...new Set(toDocumentIds)];
      if (targets.length > 0) {
        await DocumentLink.bulkWrite(
          targets.map((toDocumentId) => ({
            updateOne: {
              filter: { fromDocumentId, scope, toDocumentId },
              update: { $setOnInsert: { fromDocumentId, scope, toDocumentId } },
              upsert: true,
            },
          })),
          { ordered: false },
        );
      }
      await DocumentLink.deleteMany({
        fromDocumentId,
        scope,
        toDocumentId: op({ $nin: targets }),
      });
    },
    async linksTo(toDocumentId) {
      const docs = await DocumentLink.find({ toDocumentId })
        .sort({ fromDocumentId: 1, scope: 1 })
        .lean<DocumentLinkDoc[]>();
      return docs.map((d) => ({
        fromDocumentId: d.fromDocumentId,
        scope: d.scope,
        toDocumentId: d.toDocumentId,
      }));
    },
    async putSummary(versionId, summary) {
      await KnowledgeSummary.updateOne({ _id: versionId }, { $set: { summary } }, { upsert: true });
    },
    async summaries(versionIds) {
      const found = new Map<string, string>();
      if (versionIds.length === 0) return found;
      const docs = await KnowledgeSummary.find({
        _id: op({ $in: [...versionIds] }),
      }).lean<KnowledgeSummaryDoc[]>();
      for (const d of docs) found.set(d._id, d.summary ?? '');
      return found;
    },
  };
}
