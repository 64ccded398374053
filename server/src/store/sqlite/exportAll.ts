import type { Database } from 'better-sqlite3';
import type { Membership, Notification, ThreadMessage } from '@polisee/domain';
import type {
  DocumentStateRepo,
  ExportRecord,
  ReviewRepo,
  ThreadRepo,
  VersionRepo,
} from '../ports.js';
import type { WorkshopRepo } from '../../workshops/store/port.js';
import { exportWorkshop } from '../../workshops/store/workshopTransfer.js';
import type { AssessmentRepo } from '../../assessments/store/port.js';
import { exportAssessment } from '../../assessments/store/assessmentTransfer.js';
import {
  decodeActivity,
  decodeDocument,
  decodeInvitation,
  decodeOrganisation,
  decodeUser,
  decodeWorkingGroup,
  type ActivityRow,
  type DocumentRow,
  type InvitationRow,
  type UserRow,
  type WorkingGroupRow,
} from './rows.js';
import {
  decodePublication,
  decodeVersion,
  type PublicationRow,
  type VersionRow,
} from './versionRepos.js';

/**
 * `Store.exportAll` for SQLite: one SELECT per kind (ordered by id), documents and threads
 * completed through the repos so that what is exported is exactly what the port returns.
 */
export async function* exportAll(
  db: Database,
  repos: {
    documentState: DocumentStateRepo;
    threads: ThreadRepo;
    versions: VersionRepo;
    reviews: ReviewRepo;
    workshops: WorkshopRepo;
    assessments: AssessmentRepo;
  },
): AsyncGenerator<ExportRecord> {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];

  for (const r of all<Parameters<typeof decodeOrganisation>[0]>(
    'SELECT * FROM organisations ORDER BY id',
  )) {
    yield { kind: 'organisation', value: decodeOrganisation(r) };
  }
  for (const r of all<UserRow>('SELECT * FROM users ORDER BY id')) {
    yield { kind: 'user', value: decodeUser(r) };
  }
  for (const r of all<WorkingGroupRow>('SELECT * FROM working_groups ORDER BY id')) {
    yield { kind: 'workingGroup', value: decodeWorkingGroup(r) };
  }
  for (const r of all<{ user_id: string; working_group_id: string; role: Membership['role'] }>(
    'SELECT user_id, working_group_id, role FROM memberships ORDER BY user_id, working_group_id',
  )) {
    yield {
      kind: 'membership',
      value: { userId: r.user_id, workingGroupId: r.working_group_id, role: r.role },
    };
  }
  for (const r of all<InvitationRow>('SELECT * FROM invitations ORDER BY id')) {
    yield { kind: 'invitation', value: decodeInvitation(r) };
  }
  for (const r of all<DocumentRow>('SELECT * FROM documents ORDER BY id')) {
    const state = await repos.documentState.load(r.id);
    if (state) yield { kind: 'document', value: decodeDocument(r), state };
  }
  for (const r of all<ActivityRow>('SELECT * FROM activity ORDER BY id')) {
    yield { kind: 'activity', value: decodeActivity(r) };
  }
  for (const { id } of all<{ id: string }>('SELECT id FROM comment_threads ORDER BY id')) {
    const thread = await repos.threads.get(id);
    if (!thread) continue;
    const messages: ThreadMessage[] = await repos.threads.messages(id);
    const mentions = (
      db
        .prepare('SELECT user_id FROM thread_mentions WHERE thread_id = ? ORDER BY user_id')
        .all(id) as { user_id: string }[]
    ).map((m) => m.user_id);
    const reads = (
      db
        .prepare('SELECT user_id, read_at FROM thread_reads WHERE thread_id = ? ORDER BY user_id')
        .all(id) as { user_id: string; read_at: string }[]
    ).map((m) => ({ userId: m.user_id, readAt: m.read_at }));
    yield {
      kind: 'thread',
      value: {
        thread,
        messages,
        participants: await repos.threads.participants(id),
        mentions,
        reads,
      },
    };
  }
  for (const r of all<{
    id: string;
    user_id: string;
    type: Notification['type'];
    actor_id: string;
    actor_name: string;
    document_id: string;
    document_title: string;
    thread_id: string | null;
    workshop_id: string | null;
    priority: Notification['priority'];
    excerpt: string;
    created_at: string;
    read_at: string | null;
  }>('SELECT * FROM notifications ORDER BY id')) {
    yield {
      kind: 'notification',
      value: {
        id: r.id,
        userId: r.user_id,
        type: r.type,
        actorId: r.actor_id,
        actorName: r.actor_name,
        documentId: r.document_id,
        documentTitle: r.document_title,
        threadId: r.thread_id,
        workshopId: r.workshop_id,
        priority: r.priority,
        excerpt: r.excerpt,
        createdAt: r.created_at,
        readAt: r.read_at,
      },
    };
  }
  // Versions one at a time with their bytes: a long history never sits in memory whole.
  for (const r of all<VersionRow>(
    `SELECT id, document_id, number, name, kind, created_at, created_by, contributors,
       document_status, source_version_id, state_vector, content_hash
     FROM document_versions ORDER BY id`,
  )) {
    const state = await repos.versions.state(r.id);
    if (state) yield { kind: 'version', value: decodeVersion(r), state };
  }
  for (const { id } of all<{ id: string }>('SELECT id FROM reviews ORDER BY id')) {
    const review = await repos.reviews.get(id);
    if (review) yield { kind: 'review', value: review };
  }
  for (const r of all<PublicationRow>('SELECT * FROM publications ORDER BY id')) {
    yield { kind: 'publication', value: decodePublication(r) };
  }
  for (const { id } of all<{ id: string }>('SELECT id FROM workshops ORDER BY id')) {
    const workshop = await repos.workshops.get(id);
    if (!workshop) continue;
    yield { kind: 'workshop', value: await exportWorkshop(repos.workshops, workshop) };
  }
  for (const key of await repos.assessments.listMatrices()) {
    yield { kind: 'assessment', value: await exportAssessment(repos.assessments, key) };
  }
}
