import { DOCUMENT_LIMITS } from '@polisee/domain';
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

  it('holds creating and re-tagging to the same countries limit', () => {
    const codes = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26)),
      );
    const create = {
      title: 'T',
      kind: 'workshop_notes',
      workingGroupId: 'g1',
      thematicPriorities: ['skills'],
      language: 'en',
    };
    const max = DOCUMENT_LIMITS.countries;
    for (const [countries, ok] of [
      [codes(max), true],
      [codes(max + 1), false],
    ] as const) {
      expect(CreateDocumentRequestSchema.safeParse({ ...create, countries }).success).toBe(ok);
      expect(UpdateDocumentRequestSchema.safeParse({ countries }).success).toBe(ok);
    }
  });
});
