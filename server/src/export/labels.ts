import type { Language, ThematicPriority } from '@polisee/domain';
import bg from './labels/bg.json' with { type: 'json' };
import el from './labels/el.json' with { type: 'json' };
import en from './labels/en.json' with { type: 'json' };
import hu from './labels/hu.json' with { type: 'json' };
import ro from './labels/ro.json' with { type: 'json' };
import sq from './labels/sq.json' with { type: 'json' };

/**
 * The words an export adds to the document (block table headings, appendix titles), in the
 * document's own language: an export is read by people who did not open the app. The block
 * and priority names are the client catalogs' (blocks.*, priorities.*), copied so a Greek
 * matrix reads the same in the editor and in Word; the catalog test keeps the six files alike.
 */
export type ExportLabels = typeof en;

export const EXPORT_LABELS: Record<Language, ExportLabels> = { en, sq, el, bg, hu, ro };

export function labelsFor(language: Language): ExportLabels {
  return EXPORT_LABELS[language];
}

/** `{{name}}` placeholders filled in, as i18next does on the client. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function priorityName(labels: ExportLabels, priority: ThematicPriority): string {
  return labels.priorities[priority];
}

/** A date as the document's language writes it (3 May 2025, 3 Μαΐου 2025, …). */
export function formatDate(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso),
  );
}
