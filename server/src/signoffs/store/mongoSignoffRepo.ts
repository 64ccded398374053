import type { Signatory, SignoffRequest } from '@polisee/domain';
import { op } from '../../store/mongo/q.js';
import type { SignoffModels, SignatoryDoc, SignoffRequestDoc } from './mongoSignoffModels.js';
import type { SignoffRepo } from './port.js';

function toRequest(d: SignoffRequestDoc): SignoffRequest {
  return {
    id: d._id,
    documentId: d.documentId,
    workingGroupId: d.workingGroupId,
    versionId: d.versionId,
    requestedBy: d.requestedBy,
    requestedAt: d.requestedAt,
    message: d.message ?? '',
    quorum: d.quorum,
    required: d.required,
    organisationIds: [...d.organisationIds],
    answers: (d.answers ?? []).map((a) => ({
      organisationId: a.organisationId,
      userId: a.userId,
      answer: a.answer,
      text: a.text ?? '',
      answeredAt: a.answeredAt,
    })),
    withdrawnAt: d.withdrawnAt ?? null,
    withdrawnBy: d.withdrawnBy ?? null,
    lapsedAt: d.lapsedAt ?? null,
  };
}

function toSignatory(d: SignatoryDoc): Signatory {
  return {
    workingGroupId: d.workingGroupId,
    organisationId: d.organisationId,
    userId: d.userId,
    setBy: d.setBy,
    setAt: d.setAt,
  };
}

/** A request that still takes answers and may lapse. */
const LIVE = { withdrawnAt: null, lapsedAt: null } as const;

export function mongoSignoffRepo({ SignoffRequest, Signatory }: SignoffModels): SignoffRepo {
  return {
    async setSignatory(s) {
      await Signatory.updateOne(
        { workingGroupId: s.workingGroupId, organisationId: s.organisationId },
        { $set: { userId: s.userId, setBy: s.setBy, setAt: s.setAt } },
        { upsert: true },
      );
    },
    async clearSignatory(workingGroupId, organisationId) {
      const result = await Signatory.deleteOne({ workingGroupId, organisationId });
      return result.deletedCount === 1;
    },
    async listSignatories(workingGroupId) {
      const docs = await Signatory.find({ workingGroupId })
        .sort({ organisationId: 1 })
        .lean<SignatoryDoc[]>();
      return docs.map(toSignatory);
    },

    async create(r) {
      await SignoffRequest.create({
        _id: r.id,
        documentId: r.documentId,
        workingGroupId: r.workingGroupId,
        versionId: r.versionId,
        requestedBy: r.requestedBy,
        requestedAt: r.requestedAt,
        message: r.message,
        quorum: r.quorum,
        required: r.required,
        organisationIds: r.organisationIds,
        answers: r.answers,
        withdrawnAt: r.withdrawnAt,
        withdrawnBy: r.withdrawnBy,
        lapsedAt: r.lapsedAt,
      });
    },
    async get(id) {
      const d = await SignoffRequest.findById(id).lean<SignoffRequestDoc>();
      return d ? toRequest(d) : null;
    },
    async listForDocument(documentId) {
      const docs = await SignoffRequest.find({ documentId })
        .sort({ requestedAt: -1, _id: -1 })
        .lean<SignoffRequestDoc[]>();
      return docs.map(toRequest);
    },
    async latestForDocuments(documentIds) {
      if (documentIds.length === 0) return [];
      // Newest first over the by_document index, the first of each document kept. A document
      // has a handful of requests, so reading them all is cheaper than a $group stage.
      const docs = await SignoffRequest.find({ documentId: op({ $in: [...documentIds] }) })
        .sort({ documentId: 1, requestedAt: -1, _id: -1 })
        .lean<SignoffRequestDoc[]>();
      const seen = new Set<string>();
      return docs.filter((d) => !seen.has(d.documentId) && seen.add(d.documentId)).map(toRequest);
    },
    async addAnswer(requestId, a) {
      // One conditional update is the guard: it matches only while the request is live, asks
      // this organisation and holds no answer from it, so of two answers at once one is kept.
      const result = await SignoffRequest.updateOne(
        {
          _id: requestId,
          ...LIVE,
          organisationIds: a.organisationId,
          'answers.organisationId': op({ $ne: a.organisationId }),
        },
        { $push: { answers: a } },
      );
      return result.modifiedCount === 1;
    },
    async withdraw(requestId, by, at) {
      const result = await SignoffRequest.updateOne(
        { _id: requestId, ...LIVE },
        { $set: { withdrawnAt: at, withdrawnBy: by } },
      );
      return result.modifiedCount === 1;
    },
    async markLapsed(requestId, at) {
      const result = await SignoffRequest.updateOne(
        { _id: requestId, ...LIVE },
        { $set: { lapsedAt: at } },
      );
      return result.modifiedCount === 1;
    },
  };
}
