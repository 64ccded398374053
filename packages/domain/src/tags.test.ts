import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS, DocumentTagSchema, DocumentTagsSchema } from './documents.js';

describe('document tags', () => {
  it('are stored trimmed, in lower case, with one hyphen for inner spaces', () => {
    expect(DocumentTagSchema.parse('  Cluster   Vouchers ')).toBe('cluster-vouchers');
    expect(DocumentTagSchema.parse('S3_Training')).toBe('s3-training');
    expect(DocumentTagSchema.parse('ΚΑΙΝΟΤΟΜΊΑ')).toBe('καινοτομία');
    expect(DocumentTagSchema.parse('финансиране')).toBe('финансиране');
  });

  it('refuse punctuation, empty tags and tags past the length limit', () => {
    for (const bad of [
      '',
      '   ',
      'a/b',
      '<b>',
      'a--b',
      '-a',
      'x'.repeat(DOCUMENT_LIMITS.tagChars + 1),
    ])
      expect(DocumentTagSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('are a few per document', () => {
    const many = Array.from({ length: DOCUMENT_LIMITS.tags + 1 }, (_, i) => `t${i}`);
    expect(DocumentTagsSchema.safeParse(many.slice(1)).success).toBe(true);
    expect(DocumentTagsSchema.safeParse(many).success).toBe(false);
  });
});
