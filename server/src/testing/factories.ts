import { randomUUID } from 'node:crypto';
import type {
  Activity,
  CommentThread,
  Notification,
  Organisation,
  PoliDocument,
  Review,
  ThreadMessage,
  WorkingGroup,
} from '@polisee/domain';
import type { NewVersion, Store, StoredInvitation, StoredUser } from '../store/ports.js';

/** Small factories for tests: valid defaults, override what the test is about. */

export function buildOrganisation(over: Partial<Organisation> = {}): Organisation {
  return {
    id: randomUUID(),
    name: 'Region of Central Macedonia',
    country: 'GR',
    type: 'public_authority',
    ...over,
  };
}

export function buildUser(over: Partial<StoredUser> & { organisationId: string }): StoredUser {
  const id = over.id ?? randomUUID();
  return {
    id,
    email: `user-${id}@example.test`,
    name: 'Test User',
    isAdmin: false,
    language: 'en',
    passwordHash: null,
    createdAt: new Date().toISOString(),
    ...over,
  };
}

export function buildWorkingGroup(over: Partial<WorkingGroup> = {}): WorkingGroup {
  return {
    id: randomUUID(),
    name: 'WG test',
    description: 'A working group for tests',
    thematicPriorities: ['innovation'],
    ...over,
  };
}

export function buildDocument(
  over: Partial<PoliDocument> & { workingGroupId: string; createdBy: string },
): PoliDocument {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    title: 'Joint Strategic Plan',
    kind: 'joint_strategic_plan',
    thematicPriorities: ['innovation'],
    countries: ['GR'],
    tags: [],
    language: 'en',
    status: 'draft',
    ownerIds: [over.createdBy],
    suggestOnlyIds: [],
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

export function buildInvitation(
  over: Partial<StoredInvitation> & { organisationId: string; createdBy: string },
): StoredInvitation {
  const now = Date.now();
  return {
    id: randomUUID(),
    tokenHash: randomUUID(),
    email: `invitee-${randomUUID()}@example.test`,
    isAdmin: false,
    membership: null,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 86_400_000).toISOString(),
    acceptedAt: null,
    ...over,
  };
}

export function buildActivity(over: Partial<Activity> & { actorId: string }): Activity {
  return {
    id: randomUUID(),
    type: 'document_created',
    actorName: 'Test User',
    workingGroupId: null,
    documentId: null,
    documentTitle: null,
    at: new Date().toISOString(),
    ...over,
  };
}

export function buildThread(
  over: Partial<CommentThread> & { documentId: string; workingGroupId: string; authorId: string },
): CommentThread {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    priority: 'financing',
    status: 'open',
    quote: 'cluster financing instruments',
    anchorState: 'anchored',
    createdAt: now,
    resolvedAt: null,
    resolvedBy: null,
    lastActivityAt: now,
    lastActivityBy: over.authorId,
    messageCount: 1,
    ...over,
  };
}

export function buildMessage(
  over: Partial<ThreadMessage> & { threadId: string; authorId: string },
): ThreadMessage {
  return {
    id: randomUUID(),
    body: 'Should we name the regional funds here?',
    mentions: [],
    createdAt: new Date().toISOString(),
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}

export function buildNotification(
  over: Partial<Notification> & { userId: string; documentId: string },
): Notification {
  return {
    id: randomUUID(),
    type: 'mention',
    actorId: randomUUID(),
    actorName: 'Maria',
    documentTitle: 'Joint Strategic Plan',
    threadId: null,
    workshopId: null,
    priority: 'financing',
    excerpt: 'Have a look at this',
    createdAt: new Date().toISOString(),
    readAt: null,
    ...over,
  };
}

export function buildVersion(over: Partial<NewVersion> & { documentId: string }): NewVersion {
  return {
    id: randomUUID(),
    name: null,
    kind: 'auto',
    createdAt: new Date().toISOString(),
    createdBy: null,
    contributors: [],
    documentStatus: 'draft',
    sourceVersionId: null,
    stateVector: 'AA==',
    contentHash: 'hash',
    ...over,
  };
}

export function buildReview(
  over: Partial<Review> & {
    documentId: string;
    workingGroupId: string;
    versionId: string;
    requestedBy: string;
  },
): Review {
  const now = Date.now();
  return {
    id: randomUUID(),
    round: 1,
    requestedAt: new Date(now).toISOString(),
    dueDate: new Date(now + 3 * 86_400_000).toISOString(),
    message: 'Please review',
    reviewers: [],
    state: 'open',
    closedAt: null,
    reminderSentAt: null,
    ...over,
  };
}

/** An organisation, a user of it with a password and a working group, stored: what most store tests start from. */
export async function seedStoreBasics(store: Store) {
  const org = buildOrganisation();
  await store.organisations.create(org);
  const user = buildUser({ organisationId: org.id, passwordHash: 'hash' });
  await store.users.create(user);
  const group = buildWorkingGroup();
  await store.workingGroups.create(group);
  return { org, user, group };
}

/** The basics plus one document of the group with the given initial Yjs state. */
export async function seedStoreDocument(store: Store, initialState: Uint8Array) {
  const basics = await seedStoreBasics(store);
  const doc = buildDocument({ workingGroupId: basics.group.id, createdBy: basics.user.id });
  await store.documents.create(doc, initialState);
  return { ...basics, doc };
}
