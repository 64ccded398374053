import { DocumentTemplateSchema } from '@polisee/contracts';
import { DOCUMENT_KINDS, LANGUAGES } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { templateToContent } from '../content/templateContent.js';
import { encodeInitialState } from '../content/yjsContent.js';
import { TEMPLATES } from './catalog.js';

describe('document templates', () => {
  for (const kind of DOCUMENT_KINDS) {
    it(`${kind}: every language matches English in shape and builds a valid document`, () => {
      const en = TEMPLATES[kind].en;
      for (const language of LANGUAGES) {
        const t = DocumentTemplateSchema.parse(TEMPLATES[kind][language]);
        expect(t.sections.length, `${kind}/${language}`).toBe(en.sections.length);
        t.sections.forEach((s, i) => {
          expect(s.heading.trim(), `${kind}/${language}#${i}`).not.toBe('');
          expect(s.block?.type).toBe(en.sections[i]!.block?.type);
          if (s.block?.type === 'table' && en.sections[i]!.block?.type === 'table') {
            expect(s.block.header.length).toBe(en.sections[i]!.block.header.length);
            expect(s.block.rows.length).toBe(en.sections[i]!.block.rows.length);
          }
        });
        if (language !== 'en') expect(t.sections[0]!.heading).not.toBe(en.sections[0]!.heading);
        expect(encodeInitialState(templateToContent('Title', t)).byteLength).toBeGreaterThan(0);
      }
    });
  }
});
