import type { DocumentTemplate } from '@polisee/contracts';
import type { DocumentKind, Language } from '@polisee/domain';

export type { DocumentTemplate, TemplateBlock, TemplateSection } from '@polisee/contracts';

/** Every kind in every language: the type makes a missing translation a compile error. */
export type TemplateCatalog = Record<DocumentKind, Record<Language, DocumentTemplate>>;
