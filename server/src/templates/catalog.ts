import { DOCUMENT_KINDS, LANGUAGES, type DocumentKind, type Language } from '@polisee/domain';
import {
  contentDir,
  loadCreatedVersionNames,
  loadTemplate,
  toDocumentTemplate,
  type LoadedTemplate,
} from './loadTemplates.js';
import type { DocumentTemplate, TemplateCatalog } from './types.js';

const dir = contentDir();
const loaded = new Map<string, { file: LoadedTemplate; template: DocumentTemplate }>();
let createdVersionNames: Record<Language, string> | null = null;

/**
 * Each file is read and checked the first time it is asked for, then kept. Reading all 48 at
 * import would cost every process (and every test file) a few hundred milliseconds of Markdown
 * parsing for templates it mostly never uses; the build checks them all (checkTemplates.ts).
 */
function load(kind: DocumentKind, language: Language) {
  const key = `${kind}/${language}`;
  let entry = loaded.get(key);
  if (!entry) {
    const file = loadTemplate(dir, kind, language);
    entry = { file, template: toDocumentTemplate(file) };
    loaded.set(key, entry);
  }
  return entry;
}

/** The template of every document kind in every language (see content/ and docs/decisions/0042). */
export const TEMPLATES: TemplateCatalog = Object.fromEntries(
  DOCUMENT_KINDS.map((kind) => [
    kind,
    Object.defineProperties(
      {},
      Object.fromEntries(
        LANGUAGES.map((language) => [
          language,
          { enumerable: true, get: () => load(kind, language).template },
        ]),
      ),
    ),
  ]),
) as TemplateCatalog;

/** The kind's name in that language ("Workshop notes", "Műhelyjegyzet"), as its template names it. */
export function templateName(kind: DocumentKind, language: Language): string {
  return load(kind, language).file.name;
}

/**
 * The name of the version a document of this kind starts its history with, in the document's
 * language ("Created from template: Joint Strategic Plan"). Version names are stored text, so
 * it is written in the language of the document, like the document's own text.
 */
export function createdVersionName(kind: DocumentKind, language: Language): string {
  createdVersionNames ??= loadCreatedVersionNames(dir);
  return createdVersionNames[language].replace('{template}', load(kind, language).file.name);
}
