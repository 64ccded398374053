import type { DocumentKind, Language } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { useTemplate } from '../../api/templates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';

interface TemplatePreviewProps {
  kind: DocumentKind | '';
  language: Language;
}

/** What a new document of this kind starts with, in the language it will be written in. */
export function TemplatePreview({ kind, language }: TemplatePreviewProps) {
  const { t } = useTranslation();
  const template = useTemplate(kind, language);

  return (
    <section
      className="template-preview"
      aria-labelledby="template-preview-title"
      aria-live="polite"
    >
      <h2 id="template-preview-title">{t('createDocument.templateTitle')}</h2>
      {kind === '' ? <p className="muted small">{t('createDocument.templateChooseKind')}</p> : null}
      {kind !== '' && template.isPending ? <Loading /> : null}
      <ErrorAlert error={template.error} context={t('createDocument.templateFailed')} />
      {kind !== '' && template.data ? (
        <div lang={language}>
          <p>{template.data.summary}</p>
          <h3 className="small-heading">{t('createDocument.templateSections')}</h3>
          <ol className="template-sections">
            {template.data.sections.map((section, index) => (
              <li key={`${index}-${section.heading}`}>{section.heading}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
