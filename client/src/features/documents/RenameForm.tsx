import { DocumentTitleSchema, type PoliDocument } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useUpdateDocument } from '../../api/documents';
import { useUiStore } from '../../stores/ui';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FieldError } from '../../ui/FieldError';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';

interface RenameFormProps {
  document: PoliDocument;
  onDone: () => void;
}

export function RenameForm({ document, onDone }: RenameFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const update = useUpdateDocument(document.id);
  const announce = useUiStore((s) => s.announce);
  const [title, setTitle] = useState(document.title);
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = DocumentTitleSchema.safeParse(title);
    if (!parsed.success) {
      setError(title.trim() === '' ? t('forms.required') : t('forms.tooLong', { max: 200 }));
      return;
    }
    setError(undefined);
    if (parsed.data === document.title) return onDone();
    update.mutate(
      { title: parsed.data },
      {
        onSuccess: () => {
          announce(t('documents.renamed'));
          onDone();
        },
      },
    );
  }

  const serverError = isApiError(update.error) ? update.error.fieldErrors().title : undefined;
  const message = error ?? fieldError(serverError);

  return (
    <form
      className="inline-form card"
      onSubmit={submit}
      noValidate
      aria-label={t('documents.renameTitle')}
    >
      <div className="field">
        <label htmlFor="rename-title">{t('documents.newTitle')}</label>
        <input
          id="rename-title"
          name="title"
          value={title}
          maxLength={200}
          autoFocus
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(message && 'rename-title-error')}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone();
          }}
        />
        <FieldError id="rename-title-error" message={message} />
      </div>
      <ErrorAlert error={serverError ? null : update.error} context={t('documents.saveFailed')} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
