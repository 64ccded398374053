import type { DocumentStateRepo, ExportRecord, ThreadRepo, VersionRepo } from '../ports.js';
import type { WorkshopDoc } from '../../workshops/store/mongoWorkshopModels.js';
import { toWorkshop } from '../../workshops/store/mongoWorkshopRepo.js';
import type { WorkshopRepo } from '../../workshops/store/port.js';
import { exportWorkshop } from '../../workshops/store/workshopTransfer.js';
import type { AssessmentRepo } from '../../assessments/store/port.js';
import { exportAssessment } from '../../assessments/store/assessmentTransfer.js';
import { toActivity, toDocument } from './documentRepos.js';
import type { ActivityDoc, DocumentDoc } from './documentModels.js';
import type { Models } from './models.js';
import { toNotification } from './notificationRepo.js';
import type { NotificationDoc, ReadDoc, ThreadDoc } from './threadModels.js';
import { toThread } from './threadRepos.js';
import type { PublicationDoc, ReviewDoc, VersionDoc } from './versionModels.js';
import { toPublication, toReview, toVersion } from './versionRepos.js';
import type {
  InvitationDoc,
  MembershipDoc,
  OrganisationDoc,
  UserDoc,
  WorkingGroupDoc,
} from './workspaceModels.js';
import {
  toInvitation,
  toMembership,
  toOrganisation,
  toUser,
  toWorkingGroup,
} from './workspaceRepos.js';

/**
 * `Store.exportAll` for MongoDB: one cursor per collection, sorted by `_id` (memberships by
 * user then group), so memory stays flat however large the workspace. Documents and threads
 * are completed through the repos, so what is exported is exactly what the port returns.
 */
export async function* exportAll(
  {
    Organisation,
    User,
    WorkingGroup,
    Membership,
    Invitation,
    Document,
    Activity,
    Thread,
    Read,
    Notification,
    Version,
    Review,
    Publication,
    Workshop,
  }: Models,
  repos: {
    documentState: DocumentStateRepo;
    threads: ThreadRepo;
    versions: VersionRepo;
    workshops: WorkshopRepo;
    assessments: AssessmentRepo;
  },
): AsyncGenerator<ExportRecord> {
  const byId = { _id: 1 } as const;
  for await (const d of Organisation.find().sort(byId).lean<OrganisationDoc[]>().cursor()) {
    yield { kind: 'organisation', value: toOrganisation(d as OrganisationDoc) };
  }
  for await (const d of User.find().sort(byId).lean<UserDoc[]>().cursor()) {
    yield { kind: 'user', value: toUser(d as UserDoc) };
  }
  for await (const d of WorkingGroup.find().sort(byId).lean<WorkingGroupDoc[]>().cursor()) {
    yield { kind: 'workingGroup', value: toWorkingGroup(d as WorkingGroupDoc) };
  }
  for await (const d of Membership.find()
    .sort({ userId: 1, workingGroupId: 1 })
    .lean<MembershipDoc[]>()
    .cursor()) {
    yield { kind: 'membership', value: toMembership(d as MembershipDoc) };
  }
  for await (const d of Invitation.find().sort(byId).lean<InvitationDoc[]>().cursor()) {
    yield { kind: 'invitation', value: toInvitation(d as InvitationDoc) };
  }
  for await (const d of Document.find().sort(byId).lean<DocumentDoc[]>().cursor()) {
    const doc = toDocument(d as DocumentDoc);
    const state = await repos.documentState.load(doc.id);
    if (state) yield { kind: 'document', value: doc, state };
  }
  for await (const d of Activity.find().sort(byId).lean<ActivityDoc[]>().cursor()) {
    yield { kind: 'activity', value: toActivity(d as ActivityDoc) };
  }
  for await (const d of Thread.find().sort(byId).lean<ThreadDoc[]>().cursor()) {
    const t = d as ThreadDoc;
    const reads = await Read.find({ threadId: t._id }).sort({ userId: 1 }).lean<ReadDoc[]>();
    yield {
      kind: 'thread',
      value: {
        thread: toThread(t),
        messages: await repos.threads.messages(t._id),
        participants: [...(t.participants ?? [])].sort(),
        mentions: [...(t.mentioned ?? [])].sort(),
        reads: reads.map((r) => ({ userId: r.userId, readAt: r.readAt })),
      },
    };
  }
  for await (const d of Notification.find().sort(byId).lean<NotificationDoc[]>().cursor()) {
    yield { kind: 'notification', value: toNotification(d as NotificationDoc) };
  }
  for await (const d of Version.find().sort(byId).lean<VersionDoc[]>().cursor()) {
    const version = toVersion(d as VersionDoc);
    // Bytes written before metadata: a version without bytes cannot be listed, but be safe.
    const state = await repos.versions.state(version.id);
    if (state) yield { kind: 'version', value: version, state };
  }
  for await (const d of Review.find().sort(byId).lean<ReviewDoc[]>().cursor()) {
    yield { kind: 'review', value: toReview(d as ReviewDoc) };
  }
  for await (const d of Publication.find().sort(byId).lean<PublicationDoc[]>().cursor()) {
    yield { kind: 'publication', value: toPublication(d as PublicationDoc) };
  }
  for await (const d of Workshop.find().sort(byId).lean<WorkshopDoc[]>().cursor()) {
    const workshop = toWorkshop(d as WorkshopDoc);
    yield { kind: 'workshop', value: await exportWorkshop(repos.workshops, workshop) };
  }
  // Matrix keys first (one per matrix: small), then each matrix's rounds and scores.
  for (const key of await repos.assessments.listMatrices()) {
    yield { kind: 'assessment', value: await exportAssessment(repos.assessments, key) };
  }
}
