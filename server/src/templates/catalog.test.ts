import { DocumentTemplateSchema } from '@polisee/contracts';
import { DOCUMENT_KINDS, LANGUAGES } from '@polisee/domain';
import { BLOCK_ID_ATTRIBUTES, type JSONContent } from '@polisee/editor-schema';
import { describe, expect, it } from 'vitest';
import { templateToContent } from '../content/templateContent.js';
import { encodeInitialState } from '../content/yjsContent.js';
import { createdVersionName, TEMPLATES } from './catalog.js';
import { loadTemplates, templateShape, toDocumentTemplate } from './loadTemplates.js';

/**
 * A document's structure without its words: node types, attributes and marks, nested. A method
 * block's ids are fresh in every document, so only their presence counts.
 */
function structure(node: JSONContent): unknown {
  const idAttribute = BLOCK_ID_ATTRIBUTES[node.type as keyof typeof BLOCK_ID_ATTRIBUTES];
  return {
    type: node.type,
    attrs: idAttribute
      ? { ...node.attrs, [idAttribute]: typeof node.attrs?.[idAttribute] }
      : node.attrs,
    marks: node.marks?.map((m) => m.type),
    text: node.type === 'text' ? '…' : undefined,
    content: node.content?.map(structure),
  };
}

describe('document templates', () => {
  // Reading every file also checks that each kind has each language and keeps its shape.
  const { templates, createdVersion } = loadTemplates();

  it('has a content file for every kind in every language', () => {
    expect(Object.keys(templates).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const kind of DOCUMENT_KINDS) {
      expect(Object.keys(templates[kind]).sort(), kind).toEqual([...LANGUAGES].sort());
    }
    expect(Object.keys(createdVersion).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const kind of DOCUMENT_KINDS) {
    it(`${kind}: every language builds the same document as English, in its own words`, () => {
      const en = templates[kind].en;
      const enDoc = templateToContent('Title', toDocumentTemplate(en));
      for (const language of LANGUAGES) {
        const loaded = templates[kind][language];
        const template = DocumentTemplateSchema.parse(toDocumentTemplate(loaded));
        const doc = templateToContent('Title', template);
        // Same sections with the same blocks of the same size, node for node.
        expect(templateShape(template), `${kind}/${language}`).toEqual(templateShape(en));
        expect(structure(doc), `${kind}/${language}`).toEqual(structure(enDoc));
        expect(encodeInitialState(doc).byteLength).toBeGreaterThan(0);
        if (language !== 'en') {
          // Translated, not copied: no heading of the English template is left as it was.
          const english = new Set(en.sections.map((s) => s.heading));
          expect(
            template.sections.filter((s) => english.has(s.heading)),
            `${kind}/${language}`,
          ).toEqual([]);
          expect(loaded.name).not.toBe(en.name);
        }
      }
    });
  }

  it('serves exactly what the content files hold, through the catalog', () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const language of LANGUAGES) {
        expect(TEMPLATES[kind][language]).toEqual(toDocumentTemplate(templates[kind][language]));
        expect(Object.keys(TEMPLATES[kind][language]).sort()).toEqual(['sections', 'summary']);
      }
    }
  });

  it('names the first version after the template, in the language of the document', () => {
    expect(createdVersionName('joint_strategic_plan', 'en')).toBe(
      'Created from template: Joint Strategic Plan',
    );
    expect(createdVersionName('workshop_notes', 'hu')).toBe('Sablonból létrehozva: Műhelyjegyzet');
    for (const kind of DOCUMENT_KINDS) {
      for (const language of LANGUAGES) {
        const name = createdVersionName(kind, language);
        expect(name).toContain(templates[kind][language].name);
        expect(name).not.toContain('{template}');
      }
    }
  });
});
