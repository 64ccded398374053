import { UpdateDocumentRequestSchema } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useUpdateDocument } from '../../api/documents';
import { useUiStore } from '../../stores/ui';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { TextField } from '../../ui/TextField';

/** Renaming sends only the title of the shared PATCH, checked by the contract's own rule. */
const RenameFormSchema = z.object({ title: UpdateDocumentRequestSchema.shape.title.unwrap() });
type RenameFormValues = z.input<typeof RenameFormSchema>;
const resolver = contractResolver(RenameFormSchema);

interface RenameFormProps {
  document: PoliDocument;
  onDone: () => void;
}

export function RenameForm({ document, onDone }: RenameFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const update = useUpdateDocument(document.id);
  const announce = useUiStore((s) => s.announce);
  // A refusal shown at the title needs no alert repeating it.
  const [shownAtField, setShownAtField] = useState(false);
  const form = useForm<RenameFormValues, unknown, z.output<typeof RenameFormSchema>>({
    resolver,
    defaultValues: { title: document.title },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(({ title }) => {
    if (title === document.title) return onDone();
    update.mutate(
      { title },
      {
        onSuccess: () => {
          announce(t('documents.renamed'));
          onDone();
        },
        onError: (error) => setShownAtField(showServerFieldErrors(error, ['title'], form.setError)),
      },
    );
  });

  return (
    <form
      className="inline-form card"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('documents.renameTitle')}
    >
      <TextField
        id="rename-title"
        label={t('documents.newTitle')}
        maxLength={200}
        autoFocus
        error={fieldError(errors.title)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
        {...form.register('title')}
      />
      <ErrorAlert error={shownAtField ? null : update.error} context={t('documents.saveFailed')} />
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
