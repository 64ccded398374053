import type { Connection, Model } from 'mongoose';
import {
  activitySchema,
  counterSchema,
  documentSchema,
  snapshotSchema,
  updateSchema,
  type ActivityDoc,
  type CounterDoc,
  type DocumentDoc,
  type SnapshotDoc,
  type UpdateDoc,
} from './documentModels.js';
import {
  messageSchema,
  notificationSchema,
  readSchema,
  threadSchema,
  type MessageDoc,
  type NotificationDoc,
  type ReadDoc,
  type ThreadDoc,
} from './threadModels.js';
import {
  publicationSchema,
  reviewSchema,
  versionSchema,
  versionStateSchema,
  type PublicationDoc,
  type ReviewDoc,
  type VersionDoc,
  type VersionStateDoc,
} from './versionModels.js';
import {
  invitationSchema,
  membershipSchema,
  organisationSchema,
  sessionSchema,
  userSchema,
  workingGroupSchema,
  type InvitationDoc,
  type MembershipDoc,
  type OrganisationDoc,
  type SessionDoc,
  type UserDoc,
  type WorkingGroupDoc,
} from './workspaceModels.js';
import {
  createWorkshopModels,
  type WorkshopModels,
} from '../../workshops/store/mongoWorkshopModels.js';
import {
  createAssessmentModels,
  type AssessmentModels,
} from '../../assessments/store/mongoAssessmentModels.js';
import { createSearchModels, type SearchModels } from '../../search/store/mongoSearchModels.js';
import {
  createKnowledgeModels,
  type KnowledgeModels,
} from '../../knowledge/store/mongoKnowledgeModels.js';
import { createAuditModels, type AuditModels } from '../../audit/store/mongoAuditModels.js';
import {
  createSignoffModels,
  type SignoffModels,
} from '../../signoffs/store/mongoSignoffModels.js';
import {
  createAttributionModels,
  type AttributionModels,
} from '../../attribution/store/mongoAttributionModels.js';

/**
 * Every collection of the adapter, compiled on one connection. The schemas, their stored shapes
 * and their indexes live with their concern: workspaceModels, documentModels, threadModels,
 * versionModels, and the workshops' beside their port (what they share is in modelParts).
 */
export interface Models
  extends
    WorkshopModels,
    AssessmentModels,
    SearchModels,
    AuditModels,
    KnowledgeModels,
    SignoffModels,
    AttributionModels {
  Organisation: Model<OrganisationDoc>;
  User: Model<UserDoc>;
  WorkingGroup: Model<WorkingGroupDoc>;
  Membership: Model<MembershipDoc>;
  Invitation: Model<InvitationDoc>;
  Session: Model<SessionDoc>;
  Document: Model<DocumentDoc>;
  Snapshot: Model<SnapshotDoc>;
  Update: Model<UpdateDoc>;
  Counter: Model<CounterDoc>;
  Activity: Model<ActivityDoc>;
  Thread: Model<ThreadDoc>;
  Message: Model<MessageDoc>;
  Read: Model<ReadDoc>;
  Notification: Model<NotificationDoc>;
  Version: Model<VersionDoc>;
  VersionState: Model<VersionStateDoc>;
  Review: Model<ReviewDoc>;
  Publication: Model<PublicationDoc>;
}

/** Compiles every model on this connection (models are per connection, never global). */
export function createModels(connection: Connection): Models {
  return {
    Organisation: connection.model<OrganisationDoc>('Organisation', organisationSchema),
    User: connection.model<UserDoc>('User', userSchema),
    WorkingGroup: connection.model<WorkingGroupDoc>('WorkingGroup', workingGroupSchema),
    Membership: connection.model<MembershipDoc>('Membership', membershipSchema),
    Invitation: connection.model<InvitationDoc>('Invitation', invitationSchema),
    Session: connection.model<SessionDoc>('Session', sessionSchema),
    Document: connection.model<DocumentDoc>('Document', documentSchema),
    Snapshot: connection.model<SnapshotDoc>('Snapshot', snapshotSchema),
    Update: connection.model<UpdateDoc>('Update', updateSchema),
    Counter: connection.model<CounterDoc>('Counter', counterSchema),
    Activity: connection.model<ActivityDoc>('Activity', activitySchema),
    Thread: connection.model<ThreadDoc>('Thread', threadSchema),
    Message: connection.model<MessageDoc>('Message', messageSchema),
    Read: connection.model<ReadDoc>('Read', readSchema),
    Notification: connection.model<NotificationDoc>('Notification', notificationSchema),
    Version: connection.model<VersionDoc>('Version', versionSchema),
    VersionState: connection.model<VersionStateDoc>('VersionState', versionStateSchema),
    Review: connection.model<ReviewDoc>('Review', reviewSchema),
    Publication: connection.model<PublicationDoc>('Publication', publicationSchema),
    ...createWorkshopModels(connection),
    ...createAssessmentModels(connection),
    ...createSearchModels(connection),
    ...createKnowledgeModels(connection),
    ...createAuditModels(connection),
    ...createSignoffModels(connection),
    ...createAttributionModels(connection),
  };
}
