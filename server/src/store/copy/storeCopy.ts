import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Notification } from '@polisee/domain';
import * as Y from 'yjs';
import { MongoStore } from '../mongo/MongoStore.js';
import {
  EXPORT_KINDS,
  type ExportKind,
  type ExportRecord,
  type ExportedThread,
  type Store,
  type StoredDocumentState,
} from '../ports.js';
import { SqliteStore } from '../sqlite/SqliteStore.js';
import type { DocumentLink, LinkScope } from '../../knowledge/store/port.js';
import { importWorkshop } from '../../workshops/store/workshopTransfer.js';
import { importAssessment } from '../../assessments/store/assessmentTransfer.js';

/**
 * store:copy — moves a whole workspace from one store to another through the store port only:
 * `exportAll` on the source, the ordinary repo writes on the target. Sessions are not copied
 * (everyone signs in again). Document state is copied faithfully (the snapshot's bytes, then
 * every log entry's bytes in order; the target numbers the entries itself). Afterwards both
 * stores are read back and compared kind by kind, and document by document.
 */

export class StoreCopyError extends Error {}

/** `sqlite:<path>` (relative to `cwd`) or `mongodb://…` / `mongodb+srv://…`. */
export async function openStoreUrl(
  url: string,
  options: { cwd?: string; mustExist?: boolean } = {},
): Promise<Store> {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file) throw new StoreCopyError(`"${url}" names no file: use sqlite:./data/polisee.db`);
    const resolved = path.resolve(options.cwd ?? process.cwd(), file);
    // Opening a missing file would create an empty store and "copy" nothing from it.
    if (options.mustExist && !existsSync(resolved)) {
      throw new StoreCopyError(`No SQLite store at ${resolved}.`);
    }
    return new SqliteStore(resolved);
  }
  if (/^mongodb(\+srv)?:\/\//.test(url)) return MongoStore.open(url);
  throw new StoreCopyError(
    `Unsupported store URL "${url}": use sqlite:<path> or mongodb://host:port/database.`,
  );
}

/** Refuses any target that holds anything at all (sessions aside). */
export async function assertEmpty(target: Store): Promise<void> {
  for await (const record of target.exportAll()) {
    throw new StoreCopyError(
      `The target store is not empty (it holds at least one ${record.kind}). ` +
        'store:copy only copies into an empty store: point --to at a new database or file.',
    );
  }
}

const EMPTY_DOC_STATE = Y.encodeStateAsUpdate(new Y.Doc());
const NOTIFICATION_BATCH = 500;

/** Copies every record of `source` into the empty `target`. Returns how many of each kind. */
export async function copyStore(
  source: Store,
  target: Store,
  onKind: (kind: ExportKind) => void = () => undefined,
): Promise<Record<ExportKind, number>> {
  await assertEmpty(target);
  const copied = Object.fromEntries(EXPORT_KINDS.map((k) => [k, 0])) as Record<ExportKind, number>;
  let notifications: Notification[] = [];
  const flushNotifications = async () => {
    if (notifications.length > 0) await target.notifications.addMany(notifications);
    notifications = [];
  };
  // Exported by target document, written by linking document: `replaceLinks` sets one scope's whole list.
  const links: DocumentLink[] = [];
  let current: ExportKind | null = null;
  for await (const record of source.exportAll()) {
    if (record.kind !== current) {
      current = record.kind;
      onKind(current);
    }
    await write(target, record);
    if (record.kind === 'knowledge') links.push(...record.value.linkedFrom);
    if (record.kind === 'notification') {
      notifications.push(record.value);
      if (notifications.length >= NOTIFICATION_BATCH) await flushNotifications();
    }
    copied[record.kind] += 1;
  }
  await flushNotifications();
  await writeLinks(target, links);
  return copied;
}

async function write(target: Store, record: ExportRecord): Promise<void> {
  switch (record.kind) {
    case 'organisation':
      return target.organisations.create(record.value);
    case 'user':
      return target.users.create(record.value);
    case 'workingGroup':
      return target.workingGroups.create(record.value);
    case 'membership':
      return target.memberships.set(record.value);
    case 'invitation':
      return target.invitations.create(record.value);
    case 'document': {
      await target.documents.create(record.value, record.state.snapshot ?? EMPTY_DOC_STATE);
      const updates = record.state.updates.map((u) => u.update);
      if (updates.length > 0) await target.documentState.append(record.value.id, updates);
      return;
    }
    case 'activity':
      return target.activity.add(record.value);
    case 'thread':
      return writeThread(target, record.value);
    case 'notification':
      return; // batched by the caller
    case 'version':
      // The source's number is kept: a history reads the same after the copy.
      await target.versions.create(record.value, record.state);
      return;
    case 'review':
      return target.reviews.create(record.value);
    case 'publication':
      return target.publications.add(record.value);
    case 'workshop':
      return importWorkshop(target.workshops, record.value);
    case 'assessment':
      return importAssessment(target.assessments, record.value);
    case 'signatory':
      return target.signoffs.setSignatory(record.value);
    case 'signoff':
      // The whole record: answers, withdrawal and lapse as they were (the log is append-only).
      return target.signoffs.create(record.value);
    case 'attribution':
      await target.attribution.appendContributions(record.value.contributions);
      await target.attribution.bindClients(record.value.bindings);
      return;
    case 'knowledge':
      for (const { versionId, summary } of record.value.summaries) {
        await target.knowledge.putSummary(versionId, summary);
      }
      return; // links: gathered by the caller, written once all are known
    case 'audit':
      return target.audit.append(record.value);
  }
}

async function writeLinks(target: Store, links: readonly DocumentLink[]): Promise<void> {
  const byFrom = new Map<string, { from: string; scope: LinkScope; to: string[] }>();
  for (const l of links) {
    const key = `${l.fromDocumentId}\u0000${l.scope}`;
    const entry = byFrom.get(key) ?? { from: l.fromDocumentId, scope: l.scope, to: [] };
    entry.to.push(l.toDocumentId);
    byFrom.set(key, entry);
  }
  for (const { from, scope, to } of byFrom.values()) {
    await target.knowledge.replaceLinks(from, scope, to);
  }
}

/**
 * A thread through the port's own writes: the first message creates it, the others are added
 * in order, then the thread's fields and read marks are set as they were. Mentions that no
 * message carries any more (edited away) are restored by creating the first message with them
 * and then editing it back to what it says.
 */
async function writeThread(target: Store, t: ExportedThread): Promise<void> {
  const [first, ...rest] = t.messages;
  if (!first) return; // a thread always has a message; verification reports one that did not
  const carried = new Set(t.messages.flatMap((m) => m.mentions));
  const lost = t.mentions.filter((userId) => !carried.has(userId));
  await target.threads.create(
    t.thread,
    lost.length > 0 ? { ...first, mentions: [...first.mentions, ...lost] } : first,
  );
  for (const message of rest) await target.threads.addMessage(message);
  if (lost.length > 0) {
    await target.threads.updateMessage(t.thread.id, first.id, {
      body: first.body,
      mentions: first.mentions,
      editedAt: first.editedAt,
      deletedAt: first.deletedAt,
    });
  }
  const { priority, status, resolvedAt, resolvedBy, anchorState, lastActivityAt, lastActivityBy } =
    t.thread;
  await target.threads.update(t.thread.id, {
    priority,
    status,
    resolvedAt,
    resolvedBy,
    anchorState,
    lastActivityAt,
    lastActivityBy,
  });
  for (const read of t.reads) await target.threads.markRead(read.userId, t.thread.id, read.readAt);
}

/** What verification compares: counts and digests per row of the summary table. */
export interface StoreSummary {
  rows: Map<string, { count: number; digest: string }>;
  /** Per document: the hash of its content, as the caller's `contentHash` computes it. */
  documents: Map<string, string>;
}

/**
 * The content of a document as its readers see it, independent of how its state is split.
 * Given by the caller (the store:copy command passes content/storedContentHash.ts): reading
 * content is not the store's business, and the store does not import content/.
 */
export type ContentHash = (state: StoredDocumentState) => string;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** JSON with sorted keys, so that equal records always hash equally. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The rows of the summary table: each kind, with what belongs to it right after it. */
const SUMMARY_ROWS: string[] = EXPORT_KINDS.flatMap((kind): string[] =>
  kind === 'document'
    ? [kind, 'document log entries']
    : kind === 'thread'
      ? [kind, 'thread messages', 'thread read marks']
      : kind === 'workshop'
        ? [kind, 'workshop polls', 'workshop ballots', 'workshop outcomes', 'workshop attendance']
        : kind === 'assessment'
          ? [kind, 'assessment rounds', 'assessment scores']
          : kind === 'attribution'
            ? ['attribution contributions', 'attribution client bindings']
            : kind === 'knowledge'
              ? ['knowledge links', 'knowledge summaries']
              : [kind],
);

/** Reads a whole store into the table that `compareSummaries` checks. */
export async function summarize(store: Store, contentHash: ContentHash): Promise<StoreSummary> {
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  const rows = new Map<string, { count: number; digest: string }>();
  const add = (row: string, value: unknown) => {
    let hash = hashes.get(row);
    if (!hash) hashes.set(row, (hash = createHash('sha256')));
    hash.update(canonical(value)).update('\n');
    const entry = rows.get(row) ?? { count: 0, digest: '' };
    entry.count += 1;
    rows.set(row, entry);
  };
  for (const row of SUMMARY_ROWS) rows.set(row, { count: 0, digest: '' });
  const documents = new Map<string, string>();

  for await (const record of store.exportAll()) {
    switch (record.kind) {
      case 'document': {
        const { snapshot, updates } = record.state;
        // The bytes themselves, not the sequence numbers (the target numbers its own log).
        add('document', {
          value: record.value,
          snapshot: snapshot ? sha256(snapshot) : null,
          updates: updates.map((u) => sha256(u.update)),
        });
        for (const u of updates) add('document log entries', sha256(u.update));
        documents.set(record.value.id, contentHash(record.state));
        break;
      }
      case 'version':
        // The bytes themselves, like a document's.
        add('version', { value: record.value, state: sha256(record.state) });
        break;
      case 'thread':
        add('thread', record.value);
        for (const m of record.value.messages) add('thread messages', m);
        for (const r of record.value.reads) add('thread read marks', r);
        break;
      case 'workshop':
        add('workshop', record.value);
        for (const p of record.value.polls) {
          add('workshop polls', p.poll);
          for (const b of p.ballots) add('workshop ballots', b);
        }
        for (const o of record.value.outcomes) add('workshop outcomes', o);
        for (const a of record.value.attendance) add('workshop attendance', a);
        break;
      case 'assessment':
        add('assessment', record.value);
        for (const r of record.value.rounds) add('assessment rounds', r);
        for (const s of record.value.scores) add('assessment scores', s);
        break;
      case 'attribution':
        for (const c of record.value.contributions) add('attribution contributions', c);
        for (const b of record.value.bindings) add('attribution client bindings', b);
        break;
      case 'knowledge':
        for (const l of record.value.linkedFrom) add('knowledge links', l);
        for (const s of record.value.summaries) add('knowledge summaries', s);
        break;
      default:
        add(record.kind, record.value);
    }
  }
  for (const [row, hash] of hashes) rows.get(row)!.digest = hash.digest('hex');
  return { rows, documents };
}

export interface Comparison {
  ok: boolean;
  lines: string[];
}

/** The summary table, one row per kind (and per document whose content differs). */
export function compareSummaries(source: StoreSummary, target: StoreSummary): Comparison {
  const lines: string[] = [];
  let ok = true;
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number | undefined, w: number) => String(n ?? '–').padStart(w);
  lines.push(`${pad('entity', 22)}${'source'.padStart(8)}${'target'.padStart(8)}  check`);
  for (const [row, s] of source.rows) {
    const t = target.rows.get(row);
    const same = !!t && t.count === s.count && t.digest === s.digest;
    ok &&= same;
    const verdict = same ? 'ok' : t?.count === s.count ? 'MISMATCH (content)' : 'MISMATCH (count)';
    lines.push(`${pad(row, 22)}${num(s.count, 8)}${num(t?.count, 8)}  ${verdict}`);
  }
  let sameContent = 0;
  const differing: string[] = [];
  for (const [id, hash] of source.documents) {
    if (target.documents.get(id) === hash) sameContent += 1;
    else differing.push(id);
  }
  const contentOk = differing.length === 0 && target.documents.size === source.documents.size;
  ok &&= contentOk;
  lines.push(
    `${pad('document content', 22)}${num(source.documents.size, 8)}${num(target.documents.size, 8)}  ` +
      (contentOk ? `ok (${sameContent} sha256 equal)` : `MISMATCH (${differing.length} differ)`),
  );
  for (const id of differing) lines.push(`  document ${id}: content differs`);
  return { ok, lines };
}
