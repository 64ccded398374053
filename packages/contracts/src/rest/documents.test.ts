import { describe, expect, it } from 'vitest';
import {
  CreateDocumentRequestSchema,
  DocumentFilterSchema,
  UpdateDocumentRequestSchema,
} from './documents.js';

describe('document contracts', () => {
  it('accepts a create request and defaults countries', () => {
    const parsed = CreateDocumentRequestSchema.parse({
      title: '  Foresight 2040 ',
      kind: 'foresight_exercise',
      workingGroupId: 'g1',
      thematicPriorities: ['skills'],
      language: 'hu',
    });
    expect(parsed).toMatchObject({ title: 'Foresight 2040', countries: [] });
  });

  it('refuses unknown fields and operator objects', () => {
    const base = {
      title: 'T',
      kind: 'workshop_notes',
      workingGroupId: 'g1',
      thematicPriorities: ['skills'],
      language: 'en',
    };
    expect(CreateDocumentRequestSchema.safeParse({ ...base, status: 'published' }).success).toBe(
      false,
    );
    expect(
      CreateDocumentRequestSchema.safeParse({ ...base, workingGroupId: { $ne: null } }).success,
    ).toBe(false);
    expect(DocumentFilterSchema.safeParse({ 'priority[$ne]': 'x' }).success).toBe(false);
  });

  it('needs at least one field to update', () => {
    expect(UpdateDocumentRequestSchema.safeParse({}).success).toBe(false);
    expect(UpdateDocumentRequestSchema.safeParse({ title: 'New' }).success).toBe(true);
  });
});
