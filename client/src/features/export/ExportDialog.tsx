import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../stores/ui';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { downloadExport, EXPORT_FORMATS, type ExportFormat } from './downloadExport';

export interface ExportTarget {
  documentId: string;
  /** What is exported: the document now, one version, or the published version. */
  versionId?: string;
  versionNumber?: number;
  published?: boolean;
}

interface ExportDialogProps extends ExportTarget {
  onClose: () => void;
}

/**
 * The export options in a modal `<dialog>` (focus held inside, Escape closes, focus returns to
 * the button). The file is prepared on the server while the dialog says so; closing cancels it.
 */
export function ExportDialog({ onClose, ...target }: ExportDialogProps) {
  const { t } = useTranslation();
  const announce = useUiStore((s) => s.announce);
  const dialog = useRef<HTMLDialogElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [comments, setComments] = useState(false);
  const [resolved, setResolved] = useState(false);
  const [verdicts, setVerdicts] = useState(false);
  const [signoffs, setSignoffs] = useState(false);
  // Sign-offs are given on versions: offered for a version and the published one only.
  const ofVersion = target.published === true || target.versionId !== undefined;
  const [preparing, setPreparing] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => abort.current?.abort();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    abort.current = new AbortController();
    setPreparing(true);
    setError(null);
    try {
      const name = await downloadExport(
        target.documentId,
        { ...target, format, comments, resolved, verdicts, signoffs: ofVersion && signoffs },
        abort.current.signal,
      );
      announce(t('export.downloaded', { name }));
      onClose();
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') return;
      setError(cause);
      setPreparing(false);
    }
  }

  const title = target.published
    ? t('export.titlePublished')
    : target.versionNumber !== undefined
      ? t('export.titleVersion', { number: target.versionNumber })
      : t('export.title');

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      aria-labelledby="export-dialog-title"
      onClose={onClose}
      data-testid="export-dialog"
    >
      <form onSubmit={submit}>
        <h2 id="export-dialog-title">{title}</h2>
        <fieldset disabled={preparing}>
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="export-option">
              <input
                type="radio"
                name="export-format"
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
              />{' '}
              {t(`export.formats.${f}`)}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={preparing}>
          <legend>{t('export.appendices')}</legend>
          <label className="export-option">
            <input
              type="checkbox"
              checked={comments}
              onChange={(e) => setComments(e.target.checked)}
            />{' '}
            {t('export.comments')}
          </label>
          <label className="export-option export-suboption">
            <input
              type="checkbox"
              checked={comments && resolved}
              disabled={!comments}
              onChange={(e) => setResolved(e.target.checked)}
            />{' '}
            {t('export.resolved')}
          </label>
          <label className="export-option">
            <input
              type="checkbox"
              checked={verdicts}
              onChange={(e) => setVerdicts(e.target.checked)}
            />{' '}
            {t('export.verdicts')}
          </label>
          {ofVersion ? (
            <label className="export-option">
              <input
                type="checkbox"
                checked={signoffs}
                onChange={(e) => setSignoffs(e.target.checked)}
              />{' '}
              {t('export.signoffs')}
            </label>
          ) : null}
        </fieldset>
        {preparing ? (
          <p role="status" className="muted" data-testid="export-preparing">
            {t('export.preparing')}
          </p>
        ) : null}
        {error ? <ErrorAlert error={error} context={t('export.failed')} /> : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={preparing}>
            {preparing ? t('export.preparing') : t('export.submit')}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('export.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
