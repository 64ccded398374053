import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentTemplateSchema, TemplateSectionSchema } from '@polisee/contracts';
import {
  DOCUMENT_KINDS,
  LANGUAGES,
  LanguageSchema,
  type DocumentKind,
  type Language,
} from '@polisee/domain';
import { z } from 'zod';
import { parseTemplateMarkdown, TemplateContentError } from './templateMarkdown.js';
import type { DocumentTemplate, TemplateBlock } from './types.js';

const text = z.string().trim().min(1, 'must not be empty');

/** What a content file must hold once read: the contract's template, with every text filled. */
const TemplateFileSchema = DocumentTemplateSchema.extend({
  name: text,
  summary: text,
  sections: z.array(TemplateSectionSchema.extend({ heading: text, prompt: text })).min(1),
});
export type LoadedTemplate = z.infer<typeof TemplateFileSchema>;

/** The name of the version every document starts its history with, per language. */
const CreatedVersionSchema = z.record(
  LanguageSchema,
  text.refine((s) => s.includes('{template}'), 'must contain {template}'),
);

export interface TemplateContent {
  templates: Record<DocumentKind, Record<Language, LoadedTemplate>>;
  createdVersion: Record<Language, string>;
}

/**
 * Where the content files are: beside this module when running from source (tests and
 * `npm run dev`), and `templates/` beside the bundle in production, where the build copies
 * them (server/tsup.config.ts).
 */
export function contentDir(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return path.join(path.dirname(here), 'content');
  return path.join(path.dirname(here), 'templates');
}

/** Reads and checks one content file, `<kind>/<language>.md`. */
export function loadTemplate(dir: string, kind: DocumentKind, language: Language): LoadedTemplate {
  const file = path.join(kind, `${language}.md`);
  return checked(TemplateFileSchema, parseTemplateMarkdown(readContentFile(dir, file), file), file);
}

/** Reads and checks the name of the version every document starts with (`created-version.json`). */
export function loadCreatedVersionNames(dir: string): Record<Language, string> {
  const file = 'created-version.json';
  const source = readContentFile(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (err) {
    throw new TemplateContentError(`${file}: ${(err as Error).message}`);
  }
  return checked(CreatedVersionSchema, json, file);
}

/**
 * Reads every content file of `dir` (see docs/decisions/0042) and checks that every kind has
 * every language, shaped like its English template. Throws a TemplateContentError naming the
 * file on anything missing, malformed or shaped differently: run by the build
 * (templates/checkTemplates.ts) and the tests, so a broken translation never ships.
 */
export function loadTemplates(dir: string = contentDir()): TemplateContent {
  const templates = {} as TemplateContent['templates'];
  for (const kind of DOCUMENT_KINDS) {
    const languages = {} as Record<Language, LoadedTemplate>;
    for (const language of LANGUAGES) languages[language] = loadTemplate(dir, kind, language);
    for (const language of LANGUAGES) {
      assertSameShape(languages.en, languages[language], kind, language);
    }
    templates[kind] = languages;
  }
  return { templates, createdVersion: loadCreatedVersionNames(dir) };
}

/** The template as the API and the editor see it: without the kind's name. */
export function toDocumentTemplate({ summary, sections }: LoadedTemplate): DocumentTemplate {
  return { summary, sections };
}

function readContentFile(dir: string, file: string): string {
  try {
    return readFileSync(path.join(dir, file), 'utf8');
  } catch (err) {
    throw new TemplateContentError(
      `${file}: cannot be read from the template content folder ${dir} (${(err as Error).message}).`,
    );
  }
}

function checked<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
  throw new TemplateContentError(
    `${file}: does not match the template schema:\n${lines.join('\n')}`,
  );
}

/**
 * The structure a translation must keep: per section, its kind of block and that block's size.
 * The words change between languages, the document a working group fills in does not.
 */
export function templateShape(template: DocumentTemplate): string[] {
  return template.sections.map((s) => blockShape(s.block));
}

function blockShape(block: TemplateBlock | undefined): string {
  if (!block) return 'no block';
  switch (block.type) {
    case 'table':
      return `a table of ${block.rows.length} rows × ${block.header.length} columns`;
    case 'tasks':
    case 'bullets':
      return `a ${block.type === 'tasks' ? 'task' : 'bullet'} list of ${block.items.length} items`;
    case 'assessmentMatrix':
      return 'an assessment matrix';
    case 'foresightBoard':
      // The categories too: a translation keeps the drivers, only their labels change.
      return `a foresight board with drivers ${block.drivers.map((d) => d.category).join(', ')}`;
    case 'pilotIndicators':
      return `pilot indicators with ${block.indicators.length} indicators`;
  }
}

function assertSameShape(
  en: LoadedTemplate,
  other: LoadedTemplate,
  kind: DocumentKind,
  language: Language,
): void {
  const file = path.join(kind, `${language}.md`);
  const want = templateShape(en);
  const have = templateShape(other);
  if (have.length !== want.length) {
    throw new TemplateContentError(
      `${file}: has ${have.length} sections, the English template (en.md) ${want.length}.`,
    );
  }
  const i = have.findIndex((shape, n) => shape !== want[n]);
  if (i >= 0) {
    throw new TemplateContentError(
      `${file}: section ${i + 1} ("${other.sections[i]!.heading}") has ${have[i]}, ` +
        `in the English template (en.md) it has ${want[i]}.`,
    );
  }
}
