import type { DocumentSection } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/SelectField';
import { sectionKey, type AgendaSectionValue } from './workshopForm';

/** The headings of one linked document, as the select groups them. */
export interface LinkedSections {
  documentId: string;
  title: string;
  /** Undefined while loading (or when loading failed). */
  sections: DocumentSection[] | undefined;
  failed: boolean;
}

interface SectionSelectProps {
  id: string;
  label: string;
  value: AgendaSectionValue | null;
  onChange: (section: AgendaSectionValue | null) => void;
  onBlur: () => void;
  linked: readonly LinkedSections[];
  error: string | undefined;
}

/** Levels show as indentation: an `<option>` cannot be styled, but spaces read as nesting. */
const indent = (level: number) => '\u2003'.repeat(Math.max(0, level - 1));

/**
 * Where an agenda item lives: a heading of one of the linked documents, grouped by document.
 * The chosen heading keeps its option while its document's headings load (or if it has since
 * been renamed), so the binding is never dropped silently.
 */
export function SectionSelect({
  id,
  label,
  value,
  onChange,
  onBlur,
  linked,
  error,
}: SectionSelectProps) {
  const { t } = useTranslation();
  const options = new Map<string, AgendaSectionValue>();
  for (const doc of linked)
    for (const s of doc.sections ?? [])
      options.set(sectionKey({ documentId: doc.documentId, anchor: s.anchor }), {
        documentId: doc.documentId,
        anchor: s.anchor,
        heading: s.heading,
      });
  const current = value ? sectionKey(value) : '';
  const orphan = value && !options.has(current) ? value : null;

  return (
    <SelectField
      id={id}
      label={label}
      hint={linked.length === 0 ? t('workshops.form.noSectionsHint') : undefined}
      error={error}
      value={current}
      onBlur={onBlur}
      onChange={(e) => {
        const chosen = e.target.value;
        onChange(options.get(chosen) ?? (chosen !== '' && chosen === current ? orphan : null));
      }}
    >
      <option value="">{t('workshops.form.noSection')}</option>
      {orphan ? <option value={current}>{orphan.heading}</option> : null}
      {linked.map((doc) => (
        <optgroup key={doc.documentId} label={doc.title}>
          {doc.sections === undefined ? (
            <option disabled value={`${doc.documentId}:loading`}>
              {doc.failed
                ? t('workshops.form.sectionsFailed')
                : t('workshops.form.sectionsLoading')}
            </option>
          ) : doc.sections.length === 0 ? (
            <option disabled value={`${doc.documentId}:none`}>
              {t('workshops.form.noHeadings')}
            </option>
          ) : (
            doc.sections.map((s) => (
              <option
                key={s.anchor}
                value={sectionKey({ documentId: doc.documentId, anchor: s.anchor })}
              >
                {indent(s.level) + s.heading}
              </option>
            ))
          )}
        </optgroup>
      ))}
    </SelectField>
  );
}
