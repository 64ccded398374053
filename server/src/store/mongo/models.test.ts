import {
  ActivitySchema,
  CommentThreadSchema,
  DocumentSchema,
  DocumentVersionSchema,
  MembershipSchema,
  NotificationSchema,
  OrganisationSchema,
  PublicationSchema,
  ReviewerSchema,
  ReviewSchema,
  ThreadMessageSchema,
  UserSchema,
  VersionContributorSchema,
  WorkingGroupSchema,
  AgendaItemSchema,
  AttendanceSchema,
  BallotSchema,
  PollSchema,
  WorkshopOutcomeSchema,
  WorkshopSchema,
} from '@polisee/domain';
import { InvitationSchema } from '@polisee/contracts';
import type { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { activitySchema, documentSchema } from './documentModels.js';
import { messageSchema, notificationSchema, threadSchema } from './threadModels.js';
import { publicationSchema, reviewSchema, versionSchema } from './versionModels.js';
import {
  invitationSchema,
  membershipSchema,
  organisationSchema,
  userSchema,
  workingGroupSchema,
} from './workspaceModels.js';
import {
  attendanceSchema,
  ballotSchema,
  outcomeSchema,
  pollSchema,
  workshopSchema,
} from '../../workshops/store/mongoWorkshopModels.js';

/**
 * The stored shapes are derived from the domain's zod schemas at compile time; this checks the
 * other half at runtime: each Mongoose schema declares exactly the domain entity's fields (its
 * `id` as `_id`), plus the storage-only fields named here, so a field added to the domain
 * cannot be refused by `strict: 'throw'` or silently dropped. No MongoDB needed.
 */

/** Top-level paths a Mongoose schema declares, sorted. */
function paths(schema: Schema): string[] {
  return Object.keys(schema.paths)
    .filter((p) => !p.includes('.'))
    .sort();
}

/** The fields of a zod object as stored: `id` becomes `_id` (when it has one), plus extras. */
function stored(entity: z.ZodObject, extra: string[] = []): string[] {
  const keys = Object.keys(entity.shape).map((k) => (k === 'id' ? '_id' : k));
  return [...keys, ...extra].sort();
}

describe('MongoDB models', () => {
  it.each([
    ['organisations', organisationSchema, stored(OrganisationSchema)],
    ['users', userSchema, stored(UserSchema, ['passwordHash'])],
    ['workingGroups', workingGroupSchema, stored(WorkingGroupSchema)],
    // No id of its own: the default ObjectId `_id`.
    ['memberships', membershipSchema, stored(MembershipSchema, ['_id'])],
    ['invitations', invitationSchema, stored(InvitationSchema, ['tokenHash'])],
    ['documents', documentSchema, stored(DocumentSchema)],
    ['activity', activitySchema, stored(ActivitySchema)],
    ['threads', threadSchema, stored(CommentThreadSchema, ['participants', 'mentioned'])],
    ['threadMessages', messageSchema, stored(ThreadMessageSchema)],
    ['notifications', notificationSchema, stored(NotificationSchema)],
    ['documentVersions', versionSchema, stored(DocumentVersionSchema)],
    ['reviews', reviewSchema, stored(ReviewSchema)],
    ['publications', publicationSchema, stored(PublicationSchema)],
    ['workshops', workshopSchema, stored(WorkshopSchema)],
    ['workshopPolls', pollSchema, stored(PollSchema)],
    // Ballots and stays have no id of their own: the default ObjectId `_id`.
    ['workshopBallots', ballotSchema, stored(BallotSchema, ['_id'])],
    ['workshopOutcomes', outcomeSchema, stored(WorkshopOutcomeSchema)],
    ['workshopAttendance', attendanceSchema, stored(AttendanceSchema, ['_id'])],
  ] as const)('%s declares exactly the domain fields', (_name, schema, expected) => {
    expect(paths(schema)).toEqual(expected);
  });

  it('embeds reviewers, contributors and an invitation membership with their domain fields', () => {
    const embedded = (schema: Schema, path: string) => {
      const child = schema.path(path) as unknown as { schema: Schema };
      return paths(child.schema);
    };
    expect(embedded(reviewSchema, 'reviewers')).toEqual(stored(ReviewerSchema));
    expect(embedded(versionSchema, 'contributors')).toEqual(stored(VersionContributorSchema));
    expect(embedded(invitationSchema, 'membership')).toEqual(
      stored(InvitationSchema.shape.membership.unwrap()),
    );
    // Embedded workshop parts: an agenda item's and an option's `id` are fields of their own.
    const fields = (entity: z.ZodObject) => Object.keys(entity.shape).sort();
    expect(embedded(workshopSchema, 'agenda')).toEqual(fields(AgendaItemSchema));
    expect(embedded(workshopSchema, 'timer')).toEqual(fields(WorkshopSchema.shape.timer));
    expect(embedded(workshopSchema, 'hands')).toEqual(fields(WorkshopSchema.shape.hands.element));
    expect(embedded(pollSchema, 'options')).toEqual(fields(PollSchema.shape.options.element));
    expect(embedded(ballotSchema, 'allocations')).toEqual(
      fields(BallotSchema.shape.allocations.element),
    );
  });
});
