import type { ClientBinding, Contribution } from '@polisee/domain';
import { isDuplicateKey } from '../../store/mongo/connection.js';
import { op } from '../../store/mongo/q.js';
import type {
  AttributionModels,
  ClientBindingDoc,
  ContributionDoc,
} from './mongoAttributionModels.js';
import type { AttributionRepo, ContributionFilter } from './port.js';

/**
 * Attribution on MongoDB. Appending is one unordered `insertMany`; a binding is an upsert with
 * `$setOnInsert` on its unique key, so the first user of a client id stays its user whatever
 * the order of concurrent binds (a duplicate-key race between two upserts is retried once).
 */

const toContribution = (d: ContributionDoc): Contribution => ({
  documentId: d.documentId,
  userId: d.userId,
  organisationId: d.organisationId,
  country: d.country,
  at: d.at,
  kind: d.kind,
  inserted: d.inserted,
  deleted: d.deleted,
  suggestionIds: [...(d.suggestionIds ?? [])],
});

const toBinding = (d: ClientBindingDoc): ClientBinding => ({
  documentId: d.documentId,
  clientId: d.clientId,
  userId: d.userId,
  organisationId: d.organisationId,
  country: d.country,
  boundAt: d.boundAt,
});

export function mongoAttributionRepo(models: AttributionModels): AttributionRepo {
  const { Contribution: Entries, ClientBinding: Bindings } = models;

  async function bindOne(b: ClientBinding): Promise<ClientBinding> {
    const upsert = () =>
      Bindings.findOneAndUpdate(
        { documentId: b.documentId, clientId: b.clientId },
        { $setOnInsert: { ...b } },
        { upsert: true, returnDocument: 'after', lean: true },
      );
    let stored;
    try {
      stored = await upsert();
    } catch (err) {
      // Two upserts of one key at once: one inserted, the other now finds it.
      if (!isDuplicateKey(err)) throw err;
      stored = await upsert();
    }
    return toBinding(stored as ClientBindingDoc);
  }

  return {
    async appendContributions(entries) {
      if (entries.length === 0) return;
      await Entries.insertMany(entries, { ordered: false });
    },

    async listContributions({ documentIds, from, to }: ContributionFilter) {
      if (documentIds.length === 0) return [];
      const at: Record<string, string> = {};
      if (from) at.$gte = from;
      if (to) at.$lt = to;
      const docs = await Entries.find({
        documentId: op({ $in: [...documentIds] }),
        ...(from || to ? { at: op(at) } : {}),
      })
        .sort({ at: 1, documentId: 1, userId: 1, kind: 1, _id: 1 })
        .lean<ContributionDoc[]>();
      return docs.map(toContribution);
    },

    async bindClients(bindings) {
      const result: ClientBinding[] = [];
      for (const b of bindings) result.push(await bindOne(b));
      return result;
    },

    async listBindings(documentId) {
      const docs = await Bindings.find({ documentId })
        .sort({ clientId: 1 })
        .lean<ClientBindingDoc[]>();
      return docs.map(toBinding);
    },
  };
}
