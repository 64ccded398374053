import type { Activity, PoliDocument } from '@polisee/domain';
import type {
  ActivityRepo,
  DocumentFilterQuery,
  DocumentRepo,
  DocumentStateRepo,
  StoredDocumentState,
} from '../ports.js';
import type { Logger } from 'pino';
import { fromBinary, toBuffer } from './bytes.js';
import { isDuplicateKey } from './connection.js';
import type {
  ActivityDoc,
  CounterDoc,
  DocumentDoc,
  SnapshotDoc,
  UpdateDoc,
} from './documentModels.js';
import type { LargeStates } from './largeStates.js';
import type { Models } from './models.js';
import { and, op, setOf } from './q.js';

export function toDocument(d: DocumentDoc): PoliDocument {
  return {
    id: d._id,
    title: d.title,
    kind: d.kind,
    workingGroupId: d.workingGroupId,
    thematicPriorities: d.thematicPriorities ?? [],
    countries: d.countries ?? [],
    // Documents stored before tags existed have none.
    tags: d.tags ?? [],
    language: d.language,
    status: d.status,
    ownerIds: d.ownerIds ?? [],
    // Documents stored before the grant existed hold no one to suggestions.
    suggestOnlyIds: d.suggestOnlyIds ?? [],
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function toActivity(d: ActivityDoc): Activity {
  return {
    id: d._id,
    type: d.type,
    actorId: d.actorId,
    actorName: d.actorName,
    workingGroupId: d.workingGroupId ?? null,
    documentId: d.documentId ?? null,
    documentTitle: d.documentTitle ?? null,
    at: d.at,
  };
}

/** The GridFS file name of a document's snapshot, when it is too large to be inline. */
const snapshotOwner = (documentId: string) => `snapshot/${documentId}`;

export function documentRepo({ Document, Snapshot }: Models, states: LargeStates): DocumentRepo {
  return {
    async create(doc, initialState) {
      // No multi-document transaction (a single-node MongoDB may not offer one): the snapshot
      // goes first, the metadata second. A crash in between leaves a snapshot nobody can reach
      // (`load` answers null without metadata), never a document without state.
      const state = await states.put(snapshotOwner(doc.id), initialState);
      await Snapshot.create({ _id: doc.id, ...state, lastSeq: 0 });
      await Document.create({
        _id: doc.id,
        title: doc.title,
        kind: doc.kind,
        workingGroupId: doc.workingGroupId,
        thematicPriorities: doc.thematicPriorities,
        countries: doc.countries,
        tags: doc.tags,
        language: doc.language,
        status: doc.status,
        ownerIds: doc.ownerIds,
        suggestOnlyIds: doc.suggestOnlyIds,
        createdBy: doc.createdBy,
        createdAt: doc.createdAt,
        updatedAt: doc.updatedAt,
      });
    },
    async get(id) {
      const d = await Document.findById(id).lean<DocumentDoc>();
      return d ? toDocument(d) : null;
    },
    async list(f: DocumentFilterQuery) {
      if (f.workingGroupIds && f.workingGroupIds.length === 0) return [];
      const filter = and(
        f.workingGroupIds ? { workingGroupId: op({ $in: f.workingGroupIds }) } : {},
        f.workingGroupId ? { workingGroupId: f.workingGroupId } : {},
        f.kind ? { kind: f.kind } : {},
        f.status
          ? { status: f.status }
          : f.includeArchived
            ? {}
            : { status: op({ $ne: 'archived' }) },
        // Equality on an array field matches an element: "financing" never matches a substring.
        f.priority ? { thematicPriorities: f.priority } : {},
        f.country ? { countries: f.country } : {},
      );
      const docs = await Document.find(filter)
        .sort({ updatedAt: -1, _id: 1 })
        .lean<DocumentDoc[]>();
      return docs.map(toDocument);
    },
    async update(id, patch) {
      const update = setOf(patch, [
        'title',
        'thematicPriorities',
        'countries',
        'tags',
        'status',
        'suggestOnlyIds',
        'updatedAt',
      ]);
      if (update) await Document.updateOne({ _id: id }, update);
    },
  };
}

/** How often `load` starts over when a compaction moved the snapshot while it was reading. */
const LOAD_ATTEMPTS = 5;

/**
 * The Yjs state: a snapshot (with the `lastSeq` it covers) plus log entries keyed by
 * (documentId, seq). Without transactions, every step is ordered so that each intermediate
 * state a crash can leave behind still loads to the same document:
 *
 * - append: reserve n numbers with one atomic `$inc`, then insert the entries. A crash in
 *   between leaves a gap in the numbering, which nothing depends on.
 * - compact: write the new snapshot (only over an older one), THEN delete the entries it
 *   covers. A crash in between leaves covered entries behind; `load` skips them.
 * - load: snapshot, then the entries after its `lastSeq`, then the snapshot's `lastSeq` again:
 *   if a compaction replaced the snapshot meanwhile, the entries read may already be deleted,
 *   so it reads again.
 * - a snapshot past INLINE_STATE_LIMIT is a GridFS file (`largeStates.ts`), written in full
 *   before the snapshot document points at it; the file it replaced is deleted after. A load
 *   that finds its file already deleted reads again, like one that saw `lastSeq` move.
 */
export function documentStateRepo(
  { Document, Snapshot, Update, Counter }: Models,
  states: LargeStates,
  logger?: Logger,
): DocumentStateRepo {
  async function snapshotSeq(documentId: string): Promise<number | null> {
    const s = await Snapshot.findById(documentId, { lastSeq: 1 }).lean<
      Pick<SnapshotDoc, 'lastSeq'>
    >();
    return s ? s.lastSeq : null;
  }

  return {
    async append(documentId, updates) {
      if (updates.length === 0) {
        const counter = await Counter.findById(documentId).lean<CounterDoc>();
        return counter?.seq ?? (await snapshotSeq(documentId)) ?? 0;
      }
      const counter = await Counter.findOneAndUpdate(
        { _id: documentId },
        { $inc: { seq: updates.length } },
        { upsert: true, returnDocument: 'after' },
      ).lean<CounterDoc>();
      if (!counter) throw new Error(`no sequence counter for document ${documentId}`);
      const last = counter.seq;
      const first = last - updates.length + 1;
      await Update.insertMany(
        updates.map((u, i) => ({ documentId, seq: first + i, update: toBuffer(u) })),
        { ordered: true },
      );
      return last;
    },

    async load(documentId): Promise<StoredDocumentState | null> {
      if (!(await Document.exists({ _id: documentId }))) return null;
      let result: StoredDocumentState | null = null;
      for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
        const snap = await Snapshot.findById(documentId).lean<SnapshotDoc>();
        const snapshot = snap ? await states.get(snap) : null;
        // Its file was deleted by a compaction that committed after we read the document.
        if (snap && !snapshot) continue;
        const lastSeq = snap?.lastSeq ?? 0;
        const entries = await Update.find({ documentId, seq: op({ $gt: lastSeq }) })
          .sort({ seq: 1 })
          .lean<UpdateDoc[]>();
        result = {
          snapshot,
          snapshotSeq: lastSeq,
          updates: entries.map((e) => ({ seq: e.seq, update: fromBinary(e.update) })),
        };
        // Unchanged: no newer snapshot was written before the entries were read, so no entry
        // after `lastSeq` had been deleted yet (compaction deletes only after writing one).
        if (((await snapshotSeq(documentId)) ?? 0) === lastSeq) return result;
      }
      if (!result) throw new Error(`the snapshot of document ${documentId} could not be read`);
      return result;
    },

    async compact(documentId, snapshot, upToSeq, fence) {
      const owner = snapshotOwner(documentId);
      const state = await states.put(owner, snapshot);
      let replaced: Pick<SnapshotDoc, 'stateFile'> | null = null;
      try {
        // Replaces only an older snapshot written under an older fence: with a newer one in
        // place the filter does not match, the upsert tries to insert a second `_id`, and
        // fails as a duplicate key.
        const fenced =
          fence === undefined
            ? {}
            : { $or: [{ fence: op({ $exists: false }) }, { fence: op({ $lt: fence }) }] };
        replaced = await Snapshot.findOneAndUpdate(
          { _id: documentId, lastSeq: op({ $lt: upToSeq }), ...fenced },
          { $set: { ...state, lastSeq: upToSeq, ...(fence === undefined ? {} : { fence }) } },
          { upsert: true, returnDocument: 'before', projection: { stateFile: 1 } },
        ).lean<Pick<SnapshotDoc, 'stateFile'>>();
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        // Refused: ours was never pointed at. The entries the snapshot in place covers may
        // still be there (a compaction that died before its deletes): finish that, but no
        // further, as it may cover fewer than ours would have (a later fence, not a later seq).
        await states.remove(state.stateFile);
        const inPlace = (await snapshotSeq(documentId)) ?? 0;
        await Update.deleteMany({ documentId, seq: op({ $lte: Math.min(upToSeq, inPlace) }) });
        return false;
      }
      // Only now: every entry up to `upToSeq` is covered by the snapshot in place.
      await Update.deleteMany({ documentId, seq: op({ $lte: upToSeq }) });
      if (replaced?.stateFile) await states.remove(replaced.stateFile);
      // A write that failed between its upload and its commit (a timeout, a crash) left a
      // file behind; the document now points at `state.stateFile` or at inline bytes.
      if (state.stateFile || replaced?.stateFile) {
        const current = await Snapshot.findById(documentId, { stateFile: 1 }).lean<
          Pick<SnapshotDoc, 'stateFile'>
        >();
        await states.sweep(owner, current?.stateFile ?? null, logger);
      }
      return true;
    },
  };
}

export function activityRepo({ Activity }: Models): ActivityRepo {
  return {
    async add(a) {
      await Activity.create({
        _id: a.id,
        type: a.type,
        actorId: a.actorId,
        actorName: a.actorName,
        workingGroupId: a.workingGroupId,
        documentId: a.documentId,
        documentTitle: a.documentTitle,
        at: a.at,
      });
    },
    async list(q) {
      // MongoDB reads `limit(0)` as "no limit"; SQLite's LIMIT 0 returns nothing.
      if (q.limit <= 0 || (q.workingGroupIds && q.workingGroupIds.length === 0)) return [];
      const filter = and(
        q.workingGroupIds ? { workingGroupId: op({ $in: q.workingGroupIds }) } : {},
        q.documentId ? { documentId: q.documentId } : {},
      );
      const docs = await Activity.find(filter)
        .sort({ at: -1, _id: -1 })
        .limit(q.limit)
        .lean<ActivityDoc[]>();
      return docs.map(toActivity);
    },
  };
}
