import { AppError, type Membership, type Organisation, type WorkingGroup } from '@polisee/domain';
import type {
  InvitationRepo,
  MembershipRepo,
  OrganisationRepo,
  SessionRecord,
  SessionRepo,
  StoredInvitation,
  StoredUser,
  UserRepo,
  WorkingGroupRepo,
} from '../ports.js';
import { publicUser } from '../publicUser.js';
import { isDuplicateKey } from './connection.js';
import type { Models } from './models.js';
import type {
  InvitationDoc,
  MembershipDoc,
  OrganisationDoc,
  SessionDoc,
  UserDoc,
  WorkingGroupDoc,
} from './workspaceModels.js';
import { op, setOf } from './q.js';

/**
 * Organisations, users, working groups, memberships, invitations and sessions. Every read is
 * `.lean()` and mapped field by field: `_id` becomes `id`, nothing else of MongoDB's leaks out.
 */

export function toOrganisation(d: OrganisationDoc): Organisation {
  return {
    id: d._id,
    name: d.name,
    country: d.country,
    type: d.type,
  };
}

export function toUser(d: UserDoc): StoredUser {
  return {
    id: d._id,
    email: d.email,
    name: d.name,
    organisationId: d.organisationId,
    isAdmin: d.isAdmin,
    language: d.language,
    passwordHash: d.passwordHash ?? null,
    createdAt: d.createdAt,
  };
}

export function toWorkingGroup(d: WorkingGroupDoc): WorkingGroup {
  return {
    id: d._id,
    name: d.name,
    description: d.description ?? '',
    thematicPriorities: d.thematicPriorities ?? [],
  };
}

export function toMembership(d: MembershipDoc): Membership {
  return {
    userId: d.userId,
    workingGroupId: d.workingGroupId,
    role: d.role,
  };
}

export function toInvitation(d: InvitationDoc): StoredInvitation {
  return {
    id: d._id,
    tokenHash: d.tokenHash,
    email: d.email,
    organisationId: d.organisationId,
    isAdmin: d.isAdmin,
    membership: d.membership
      ? {
          workingGroupId: d.membership.workingGroupId,
          role: d.membership.role,
        }
      : null,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    expiresAt: d.expiresAt,
    acceptedAt: d.acceptedAt ?? null,
  };
}

function toSession(d: SessionDoc): SessionRecord {
  return { sid: d._id, userId: d.userId ?? null, data: d.data, expiresAt: d.expiresAt };
}

export function organisationRepo({ Organisation }: Models): OrganisationRepo {
  return {
    async create(org) {
      await Organisation.create({
        _id: org.id,
        name: org.name,
        country: org.country,
        type: org.type,
      });
    },
    async get(id) {
      const d = await Organisation.findById(id).lean<OrganisationDoc>();
      return d ? toOrganisation(d) : null;
    },
    async list() {
      const docs = await Organisation.find().sort({ name: 1, _id: 1 }).lean<OrganisationDoc[]>();
      return docs.map(toOrganisation);
    },
  };
}

export function userRepo({ User }: Models): UserRepo {
  return {
    async create(u) {
      try {
        await User.create({
          _id: u.id,
          email: u.email,
          name: u.name,
          organisationId: u.organisationId,
          isAdmin: u.isAdmin,
          language: u.language,
          passwordHash: u.passwordHash,
          createdAt: u.createdAt,
        });
      } catch (err) {
        if (isDuplicateKey(err, 'email')) {
          throw new AppError('conflict', 'A user with this email already exists.');
        }
        throw err;
      }
    },
    async get(id) {
      const d = await User.findById(id).lean<UserDoc>();
      return d ? toUser(d) : null;
    },
    async getByEmail(email) {
      const d = await User.findOne({ email }).lean<UserDoc>();
      return d ? toUser(d) : null;
    },
    async list() {
      const docs = await User.find().sort({ name: 1, _id: 1 }).lean<UserDoc[]>();
      return docs.map((d) => publicUser(toUser(d)));
    },
    async update(id, patch) {
      const update = setOf(patch, ['name', 'language', 'passwordHash', 'isAdmin']);
      if (update) await User.updateOne({ _id: id }, update);
    },
  };
}

export function workingGroupRepo({ WorkingGroup }: Models): WorkingGroupRepo {
  return {
    async create(g) {
      await WorkingGroup.create({
        _id: g.id,
        name: g.name,
        description: g.description,
        thematicPriorities: g.thematicPriorities,
      });
    },
    async get(id) {
      const d = await WorkingGroup.findById(id).lean<WorkingGroupDoc>();
      return d ? toWorkingGroup(d) : null;
    },
    async list() {
      const docs = await WorkingGroup.find().sort({ name: 1, _id: 1 }).lean<WorkingGroupDoc[]>();
      return docs.map(toWorkingGroup);
    },
    async update(id, patch) {
      const update = setOf(patch, ['name', 'description', 'thematicPriorities']);
      if (update) await WorkingGroup.updateOne({ _id: id }, update);
    },
  };
}

export function membershipRepo({ Membership }: Models): MembershipRepo {
  return {
    async set(m) {
      // An upsert on the unique (userId, workingGroupId) key: MongoDB retries a racing upsert
      // that hits the unique index by itself, since the filter is equality on that key.
      await Membership.updateOne(
        { userId: m.userId, workingGroupId: m.workingGroupId },
        { $set: { role: m.role } },
        { upsert: true },
      );
    },
    async remove(userId, workingGroupId) {
      await Membership.deleteOne({ userId, workingGroupId });
    },
    async listForUser(userId) {
      const docs = await Membership.find({ userId })
        .sort({ workingGroupId: 1 })
        .lean<MembershipDoc[]>();
      return docs.map(toMembership);
    },
    async listForGroup(workingGroupId) {
      const docs = await Membership.find({ workingGroupId })
        .sort({ userId: 1 })
        .lean<MembershipDoc[]>();
      return docs.map(toMembership);
    },
    async countByGroup() {
      const rows = await Membership.aggregate<{ _id: string; n: number }>([
        { $group: { _id: '$workingGroupId', n: { $sum: 1 } } },
      ]);
      return new Map(rows.map((r) => [r._id, r.n]));
    },
  };
}

export function invitationRepo(models: Models): InvitationRepo {
  const { Invitation } = models;
  const users = userRepo(models);
  const memberships = membershipRepo(models);
  return {
    async create(i) {
      await Invitation.create({
        _id: i.id,
        tokenHash: i.tokenHash,
        email: i.email,
        organisationId: i.organisationId,
        isAdmin: i.isAdmin,
        membership: i.membership
          ? { workingGroupId: i.membership.workingGroupId, role: i.membership.role }
          : null,
        createdBy: i.createdBy,
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
        acceptedAt: i.acceptedAt,
      });
    },
    async getByTokenHash(tokenHash) {
      const d = await Invitation.findOne({ tokenHash }).lean<InvitationDoc>();
      return d ? toInvitation(d) : null;
    },
    async accept(id, at, { user, membership }) {
      // Without transactions (decision 0011) the account is written first and the invitation
      // marked last. The unique email decides a race (an invitation names one email: the loser
      // gets the `conflict`), and a crash between the steps leaves an account whose invitation
      // still looks pending, unusable since its email is taken; never an invitation used up
      // without an account, which is what a failed accept must not cause (finding 12).
      if (!(await Invitation.exists({ _id: id, acceptedAt: null }))) return false;
      await users.create(user);
      if (membership) await memberships.set(membership);
      await Invitation.updateOne({ _id: id, acceptedAt: null }, { $set: { acceptedAt: at } });
      return true;
    },
    async listPending(now) {
      const docs = await Invitation.find({ acceptedAt: null, expiresAt: op({ $gt: now }) })
        .sort({ createdAt: -1 })
        .lean<InvitationDoc[]>();
      return docs.map((d) => {
        const { tokenHash: _omit, ...invitation } = toInvitation(d);
        return invitation;
      });
    },
  };
}

export function sessionRepo({ Session }: Models): SessionRepo {
  return {
    async get(sid, now) {
      const d = await Session.findOne({ _id: sid, expiresAt: op({ $gt: now }) }).lean<SessionDoc>();
      return d ? toSession(d) : null;
    },
    async set(s) {
      await Session.updateOne(
        { _id: s.sid },
        { $set: { userId: s.userId, data: s.data, expiresAt: s.expiresAt } },
        { upsert: true },
      );
    },
    async touch(sid, expiresAt) {
      await Session.updateOne({ _id: sid }, { $set: { expiresAt } });
    },
    async destroy(sid) {
      await Session.deleteOne({ _id: sid });
    },
    async destroyForUser(userId, keepSid) {
      await Session.deleteMany(
        keepSid === undefined ? { userId } : { userId, _id: op({ $ne: keepSid }) },
      );
    },
    async purgeExpired(now) {
      const r = await Session.deleteMany({ expiresAt: op({ $lte: now }) });
      return r.deletedCount;
    },
  };
}
