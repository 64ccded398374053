import { ExportQuerySchema } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import { exportQuery, fileNameOf } from './downloadExport';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, then the quoted ASCII fallback', () => {
    expect(
      fileNameOf(
        `attachment; filename="? ?????? 2025 26.md"; filename*=UTF-8''%CE%A3%CF%87%CE%AD%CE%B4%CE%B9%CE%BF%202025.md`,
      ),
    ).toBe('Σχέδιο 2025.md');
    expect(fileNameOf('attachment; filename="plan \\"v2\\".docx"')).toBe('plan "v2".docx');
    expect(fileNameOf(`attachment; filename="plan.md"; filename*=UTF-8''%E0%A4%A`)).toBe('plan.md');
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('exportQuery', () => {
  it('is what the contract accepts, resolved threads only with the comments', () => {
    const query = exportQuery({
      format: 'pdf',
      published: true,
      comments: false,
      resolved: true,
      verdicts: true,
      signoffs: true,
    });
    expect(ExportQuerySchema.parse(JSON.parse(JSON.stringify(query)))).toEqual({
      format: 'pdf',
      published: true,
      comments: false,
      resolved: false,
      verdicts: true,
      signoffs: true,
    });
  });

  it('asks for sign-offs only of a version: the current text has none', () => {
    const options = { format: 'md', comments: false, resolved: false, verdicts: false } as const;
    const now = exportQuery({ ...options, signoffs: true });
    expect(ExportQuerySchema.parse(JSON.parse(JSON.stringify(now))).signoffs).toBe(false);
    // The contract refuses the flag without a version, so the client never sends it so.
    expect(ExportQuerySchema.safeParse({ format: 'md', signoffs: '1' }).success).toBe(false);
    const version = exportQuery({ ...options, signoffs: true, versionId: 'v1' });
    expect(version.signoffs).toBe('1');
  });
});
