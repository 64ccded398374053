import { LANGUAGES } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { EXPORT_LABELS } from './labels.js';
import { exportFileName } from './exportFileName.js';

/** Every key path of a catalog, with whether its value is filled in. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('export labels', () => {
  it('have the same keys in every language, none empty, and the placeholders of English', () => {
    const english = EXPORT_LABELS.en;
    for (const language of LANGUAGES) {
      const labels = EXPORT_LABELS[language];
      expect(keys(labels).sort(), language).toEqual(keys(english).sort());
      for (const path of keys(labels)) {
        const get = (o: unknown) =>
          path.split('.').reduce((v, k) => (v as Record<string, unknown>)[k], o) as string;
        expect(get(labels).trim(), `${language}: ${path}`).not.toBe('');
        const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
        expect(placeholders(get(labels)), `${language}: ${path}`).toEqual(
          placeholders(get(english)),
        );
      }
    }
  });
});

describe('exportFileName', () => {
  it('keeps Unicode, drops what file systems refuse, and never comes out empty', () => {
    expect(exportFileName('Σχέδιο: 2025/26', 'pdf')).toBe('Σχέδιο 2025 26.pdf');
    expect(exportFileName('..\\..\\etc\\passwd', 'md')).toBe('etc passwd.md');
    expect(exportFileName('Plan\u0000\u202e.  ', 'docx', ' v3')).toBe('Plan v3.docx');
    expect(exportFileName('???', 'md')).toBe('document.md');
    expect([...exportFileName('Ж'.repeat(300), 'md')]).toHaveLength(123);
  });
});
