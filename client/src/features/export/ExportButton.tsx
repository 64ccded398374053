import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './export.css';
import { ExportDialog, type ExportTarget } from './ExportDialog';

/** "Export…" and its dialog: on the document, a version in the history, and the published page. */
export function ExportButton(target: ExportTarget) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        data-testid="export-open"
        onClick={() => setOpen(true)}
      >
        {t('export.open')}
      </button>
      {open ? <ExportDialog {...target} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
