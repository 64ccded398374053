import type { Connection } from 'mongoose';
import type {
  ActivityRepo,
  DocumentRepo,
  DocumentStateRepo,
  ExportRecord,
  InvitationRepo,
  MembershipRepo,
  NotificationRepo,
  OrganisationRepo,
  PublicationRepo,
  ReviewRepo,
  SessionRepo,
  Store,
  ThreadRepo,
  UserRepo,
  VersionRepo,
  WorkingGroupRepo,
} from '../ports.js';
import { connect, type MongoStoreOptions } from './connection.js';
import { activityRepo, documentRepo, documentStateRepo } from './documentRepos.js';
import { exportAll } from './exportAll.js';
import { exportCapabilities } from '../capabilityExports.js';
import { createDeclaredIndexes, createStateFileIndexes } from './indexes.js';
import { LargeStates } from './largeStates.js';
import { createModels, type Models } from './models.js';
import { notificationRepo } from './notificationRepo.js';
import { threadRepo } from './threadRepos.js';
import { publicationRepo, reviewRepo, versionRepo } from './versionRepos.js';
import {
  invitationRepo,
  membershipRepo,
  organisationRepo,
  sessionRepo,
  userRepo,
  workingGroupRepo,
} from './workspaceRepos.js';
import type { WorkshopRepo } from '../../workshops/store/port.js';
import { mongoWorkshopRepo } from '../../workshops/store/mongoWorkshopRepo.js';
import type { AssessmentRepo } from '../../assessments/store/port.js';
import { mongoAssessmentRepo } from '../../assessments/store/mongoAssessmentRepo.js';
import type { SignoffRepo } from '../../signoffs/store/port.js';
import { mongoSignoffRepo } from '../../signoffs/store/mongoSignoffRepo.js';
import type { AttributionRepo } from '../../attribution/store/port.js';
import { mongoAttributionRepo } from '../../attribution/store/mongoAttributionRepo.js';
import type { SearchRepo } from '../../search/store/port.js';
import { mongoSearchRepo } from '../../search/store/mongoSearchRepo.js';
import type { KnowledgeRepo } from '../../knowledge/store/port.js';
import { mongoKnowledgeRepo } from '../../knowledge/store/mongoKnowledgeRepo.js';
import type { AuditRepo } from '../../audit/store/port.js';
import { mongoAuditRepo } from '../../audit/store/mongoAuditRepo.js';

export type { MongoStoreOptions } from './connection.js';

/**
 * Collections and indexes, on a connection of their own without operation bounds: an index
 * build on a large collection may take longer than any bound a write should have.
 */
async function createIndexesUnbounded(uri: string, options: MongoStoreOptions) {
  const connection = await connect(uri, { ...options, operationTimeoutMS: 0 });
  try {
    await createDeclaredIndexes(createModels(connection));
    await createStateFileIndexes(connection);
  } finally {
    await connection.close();
  }
}

/**
 * The production store: MongoDB through Mongoose, on a connection of its own. Open it with
 * `MongoStore.open`, which connects, creates the collections and their declared indexes (never
 * dropping one: see `indexes.ts`) before anything is served. No multi-document transactions are
 * used (see the repos for how each multi-document write is ordered instead).
 */
export class MongoStore implements Store {
  readonly organisations: OrganisationRepo;
  readonly users: UserRepo;
  readonly workingGroups: WorkingGroupRepo;
  readonly memberships: MembershipRepo;
  readonly invitations: InvitationRepo;
  readonly sessions: SessionRepo;
  readonly documents: DocumentRepo;
  readonly documentState: DocumentStateRepo;
  readonly activity: ActivityRepo;
  readonly threads: ThreadRepo;
  readonly notifications: NotificationRepo;
  readonly versions: VersionRepo;
  readonly reviews: ReviewRepo;
  readonly publications: PublicationRepo;
  readonly workshops: WorkshopRepo;
  readonly assessments: AssessmentRepo;
  readonly search: SearchRepo;
  readonly knowledge: KnowledgeRepo;
  readonly signoffs: SignoffRepo;
  readonly audit: AuditRepo;
  readonly attribution: AttributionRepo;

  static async open(uri: string, options: MongoStoreOptions = {}): Promise<MongoStore> {
    await createIndexesUnbounded(uri, options);
    const connection = await connect(uri, options);
    try {
      const models = createModels(connection);
      const states = new LargeStates(connection, options.inlineStateLimit);
      return new MongoStore(connection, models, states);
    } catch (err) {
      await connection.close(true).catch(() => undefined);
      throw err;
    }
  }

  private constructor(
    private readonly connection: Connection,
    private readonly models: Models,
    states: LargeStates,
  ) {
    this.organisations = organisationRepo(models);
    this.users = userRepo(models);
    this.workingGroups = workingGroupRepo(models);
    this.memberships = membershipRepo(models);
    this.invitations = invitationRepo(models);
    this.sessions = sessionRepo(models);
    this.documents = documentRepo(models, states);
    this.documentState = documentStateRepo(models, states);
    this.activity = activityRepo(models);
    this.threads = threadRepo(models);
    this.notifications = notificationRepo(models);
    this.versions = versionRepo(models, states);
    this.reviews = reviewRepo(models);
    this.publications = publicationRepo(models);
    this.workshops = mongoWorkshopRepo(models);
    this.assessments = mongoAssessmentRepo(models);
    this.search = mongoSearchRepo(models);
    this.knowledge = mongoKnowledgeRepo(models);
    this.signoffs = mongoSignoffRepo(models);
    this.audit = mongoAuditRepo(models);
    this.attribution = mongoAttributionRepo(models);
  }

  /** The database this store uses (from the URI or `options.dbName`). */
  get databaseName(): string {
    return this.connection.name;
  }

  async isEmpty() {
    return (await this.models.User.exists({})) === null;
  }

  async *exportAll(): AsyncGenerator<ExportRecord> {
    yield* exportAll(this.models, {
      documentState: this.documentState,
      threads: this.threads,
      versions: this.versions,
      workshops: this.workshops,
      assessments: this.assessments,
    });
    yield* exportCapabilities(this);
  }

  /** Drops the whole database (tests: each gets a fresh one). The store stays open. */
  async dropDatabase(): Promise<void> {
    await this.connection.dropDatabase();
  }

  async close() {
    await this.connection.close();
  }
}
