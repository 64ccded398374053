import { AppError, type DocumentVersion, type Publication, type Review } from '@polisee/domain';
import type { PublicationRepo, ReviewRepo, VersionRepo } from '../ports.js';
import { isDuplicateKey } from './connection.js';
import type { LargeStates } from './largeStates.js';
import type { Models } from './models.js';
import type { PublicationDoc, ReviewDoc, VersionDoc, VersionStateDoc } from './versionModels.js';
import { op } from './q.js';

/**
 * Versions, review rounds and publications. As elsewhere without transactions, every two-part
 * write is ordered so that a crash leaves nothing half-visible:
 *
 * - a version's bytes are written before its metadata: a listed version always has its state
 *   (a crash in between leaves bytes nobody lists);
 * - a version's number is the document's highest plus one, made unique by the
 *   (documentId, number) index: a concurrent writer that took the same number retries with the
 *   next, so numbers have no gaps (the SQLite adapter numbers inside a transaction);
 * - a new open round is inserted, then the document's other open rounds are closed: a crash in
 *   between leaves two open rounds, and the services only accept verdicts on the latest round.
 */

/** Retries when another version of the document took the number first. */
const NUMBER_ATTEMPTS = 10;

export function toVersion(d: VersionDoc): DocumentVersion {
  return {
    id: d._id,
    documentId: d.documentId,
    number: d.number,
    name: d.name ?? null,
    kind: d.kind,
    createdAt: d.createdAt,
    createdBy: d.createdBy ?? null,
    contributors: (d.contributors ?? []).map((c) => ({
      userId: c.userId,
      organisationId: c.organisationId,
    })),
    documentStatus: d.documentStatus,
    sourceVersionId: d.sourceVersionId ?? null,
    stateVector: d.stateVector ?? '',
    contentHash: d.contentHash,
  };
}

export function toReview(d: ReviewDoc): Review {
  return {
    id: d._id,
    documentId: d.documentId,
    workingGroupId: d.workingGroupId,
    round: d.round,
    versionId: d.versionId,
    requestedBy: d.requestedBy,
    requestedAt: d.requestedAt,
    dueDate: d.dueDate,
    message: d.message ?? '',
    reviewers: (d.reviewers ?? []).map((r) => ({
      userId: r.userId,
      verdict: r.verdict ?? null,
      summary: r.summary ?? null,
      givenAt: r.givenAt ?? null,
    })),
    state: d.state,
    closedAt: d.closedAt ?? null,
    reminderSentAt: d.reminderSentAt ?? null,
  };
}

export function toPublication(d: PublicationDoc): Publication {
  return {
    id: d._id,
    documentId: d.documentId,
    versionId: d.versionId,
    publishedAt: d.publishedAt,
    publishedBy: d.publishedBy,
  };
}

export function versionRepo({ Version, VersionState }: Models, states: LargeStates): VersionRepo {
  return {
    async create(v, state) {
      await VersionState.create({ _id: v.id, ...(await states.put(`version/${v.id}`, state)) });
      for (let attempt = 0; ; attempt++) {
        let number = v.number;
        if (number === undefined) {
          const last = await Version.findOne({ documentId: v.documentId }, { number: 1 })
            .sort({ number: -1 })
            .lean<Pick<VersionDoc, 'number'>>();
          number = (last?.number ?? 0) + 1;
        }
        const version: DocumentVersion = { ...v, number };
        try {
          await Version.create({
            _id: version.id,
            documentId: version.documentId,
            number: version.number,
            name: version.name,
            kind: version.kind,
            createdAt: version.createdAt,
            createdBy: version.createdBy,
            contributors: version.contributors,
            documentStatus: version.documentStatus,
            sourceVersionId: version.sourceVersionId,
            stateVector: version.stateVector,
            contentHash: version.contentHash,
          });
          return version;
        } catch (err) {
          const numberTaken = isDuplicateKey(err, 'number') && v.number === undefined;
          if (!numberTaken || attempt + 1 >= NUMBER_ATTEMPTS) throw err;
        }
      }
    },
    async get(id) {
      const d = await Version.findById(id).lean<VersionDoc>();
      return d ? toVersion(d) : null;
    },
    async list(documentId, query) {
      // MongoDB reads `limit(0)` as "no limit"; SQLite's LIMIT 0 returns nothing.
      if (query.limit <= 0) return [];
      const docs = await Version.find({
        documentId,
        ...(query.before !== undefined ? { number: op({ $lt: query.before }) } : {}),
      })
        .sort({ number: -1 })
        .limit(query.limit)
        .lean<VersionDoc[]>();
      return docs.map(toVersion);
    },
    async state(id) {
      const d = await VersionState.findById(id).lean<VersionStateDoc>();
      if (!d) return null;
      // A version's state is never replaced: a file that is gone is damage, not a race.
      const state = await states.get(d);
      if (!state) throw new Error(`the state of version ${id} is missing`);
      return state;
    },
  };
}

export function reviewRepo({ Review }: Models): ReviewRepo {
  return {
    async create(review) {
      try {
        await Review.create({
          _id: review.id,
          documentId: review.documentId,
          workingGroupId: review.workingGroupId,
          round: review.round,
          versionId: review.versionId,
          requestedBy: review.requestedBy,
          requestedAt: review.requestedAt,
          dueDate: review.dueDate,
          message: review.message,
          reviewers: review.reviewers,
          state: review.state,
          closedAt: review.closedAt,
          reminderSentAt: review.reminderSentAt,
        });
      } catch (err) {
        if (isDuplicateKey(err, 'round')) {
          throw new AppError('conflict', 'Another review round was requested at the same time.');
        }
        throw err;
      }
      if (review.state === 'open') {
        await Review.updateMany(
          { documentId: review.documentId, state: 'open', _id: op({ $ne: review.id }) },
          { $set: { state: 'closed', closedAt: review.requestedAt } },
        );
      }
    },
    async get(id) {
      const d = await Review.findById(id).lean<ReviewDoc>();
      return d ? toReview(d) : null;
    },
    async listForDocument(documentId) {
      const docs = await Review.find({ documentId }).sort({ round: -1 }).lean<ReviewDoc[]>();
      return docs.map(toReview);
    },
    async setVerdict(reviewId, userId, v) {
      // One atomic update that matches only while this reviewer has no verdict: a second
      // verdict (or a concurrent one) changes nothing. The filter is the guard; the array
      // filter `r` names the reviewer's element (a round lists each reviewer once: the request
      // schema dedupes them). `$[r]` rather than the positional `$` after `$elemMatch`: the same
      // single-document update on MongoDB ≥ 3.6, and one that the CI stand-in applies too.
      const result = await Review.updateOne(
        { _id: reviewId, reviewers: op({ $elemMatch: { userId, verdict: null } }) },
        {
          $set: {
            'reviewers.$[r].verdict': v.verdict,
            'reviewers.$[r].summary': v.summary,
            'reviewers.$[r].givenAt': v.givenAt,
          },
        },
        { arrayFilters: [{ 'r.userId': userId }] },
      );
      return result.modifiedCount === 1;
    },
    async closeOpen(documentId, at) {
      await Review.updateMany(
        { documentId, state: 'open' },
        { $set: { state: 'closed', closedAt: at } },
      );
    },
    async listDueForReminder(dueBy) {
      const docs = await Review.find({
        state: 'open',
        reminderSentAt: null,
        dueDate: op({ $lte: dueBy }),
      })
        .sort({ dueDate: 1, _id: 1 })
        .lean<ReviewDoc[]>();
      return docs.map(toReview);
    },
    async markReminded(id, at) {
      const result = await Review.updateOne(
        { _id: id, reminderSentAt: null },
        { $set: { reminderSentAt: at } },
      );
      return result.modifiedCount === 1;
    },
  };
}

export function publicationRepo({ Publication }: Models): PublicationRepo {
  return {
    async add(p) {
      await Publication.create({
        _id: p.id,
        documentId: p.documentId,
        versionId: p.versionId,
        publishedAt: p.publishedAt,
        publishedBy: p.publishedBy,
      });
    },
    async latest(documentId) {
      const d = await Publication.findOne({ documentId })
        .sort({ publishedAt: -1, _id: -1 })
        .lean<PublicationDoc>();
      return d ? toPublication(d) : null;
    },
  };
}
