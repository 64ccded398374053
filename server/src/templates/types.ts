import type { DocumentTemplate } from '@polisee/contracts';
import type { DocumentKind, Language } from '@polisee/domain';

export type { DocumentTemplate, TemplateBlock, TemplateSection } from '@polisee/contracts';

/** Every kind in every language (read from content/, see loadTemplates.ts). */
export type TemplateCatalog = Record<DocumentKind, Record<Language, DocumentTemplate>>;
