import type { DocumentKind, Language } from '@polisee/domain';

/**
 * A document template: the sections a new document of a kind starts with, each with a
 * guiding prompt and, where the kind calls for it, a structured block.
 */
export type TemplateBlock =
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'bullets'; items: string[] }
  | { type: 'tasks'; items: string[] };

export interface TemplateSection {
  heading: string;
  prompt: string;
  block?: TemplateBlock;
}

export interface DocumentTemplate {
  /** One-line description of the kind, shown when choosing a template. */
  summary: string;
  sections: TemplateSection[];
}

/** Every kind in every language: the type makes a missing translation a compile error. */
export type TemplateCatalog = Record<DocumentKind, Record<Language, DocumentTemplate>>;
