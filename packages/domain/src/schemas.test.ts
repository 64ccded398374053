import { describe, expect, it } from 'vitest';
import {
  AppError,
  CountryCodeSchema,
  DocumentSchema,
  EmailSchema,
  ERROR_CODES,
  ThematicPrioritySchema,
} from './index.js';

describe('domain schemas', () => {
  it('normalises emails and refuses non-strings', () => {
    expect(EmailSchema.parse('  Lead@PoliSEE.test ')).toBe('lead@polisee.test');
    expect(EmailSchema.safeParse({ $ne: null }).success).toBe(false);
    expect(EmailSchema.safeParse('not-an-email').success).toBe(false);
  });

  it('knows exactly the six thematic priorities', () => {
    expect(ThematicPrioritySchema.options).toEqual([
      'innovation',
      'sustainability',
      'internationalisation',
      'financing',
      'specialisation',
      'skills',
    ]);
    expect(ThematicPrioritySchema.safeParse('tourism').success).toBe(false);
  });

  it('requires at least one priority and ISO country codes on a document', () => {
    const base = {
      id: 'd1',
      title: 'Plan',
      kind: 'joint_strategic_plan',
      workingGroupId: 'g1',
      thematicPriorities: ['financing'],
      countries: ['GR'],
      tags: [],
      language: 'el',
      status: 'draft',
      ownerIds: ['u1'],
      createdBy: 'u1',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(DocumentSchema.safeParse(base).success).toBe(true);
    expect(DocumentSchema.safeParse({ ...base, thematicPriorities: [] }).success).toBe(false);
    expect(CountryCodeSchema.safeParse('gr').success).toBe(false);
  });

  it('maps every error code to its HTTP status', () => {
    const err = new AppError('forbidden', 'no');
    expect(err.status).toBe(403);
    expect(ERROR_CODES.validation_failed).toBe(400);
  });
});
