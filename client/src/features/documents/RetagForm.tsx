import { UpdateDocumentRequestSchema } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useUpdateDocument } from '../../api/documents';
import { useUiStore } from '../../stores/ui';
import { contractResolver } from '../../ui/contractResolver';
import { CountriesField } from '../../ui/CountriesField';
import { CountriesTextSchema } from '../../ui/countries';
import { TagsTextSchema } from '../../ui/tags';
import { TextField } from '../../ui/TextField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { PriorityField } from '../../ui/PriorityField';

/**
 * Re-tagging sends the priorities and countries of the shared PATCH, both required here (a
 * re-tag always says both); the countries are typed as text and read into the contract's list.
 */
const { shape } = UpdateDocumentRequestSchema;
const RetagFormSchema = z.object({
  thematicPriorities: shape.thematicPriorities.unwrap(),
  countries: CountriesTextSchema.pipe(shape.countries.unwrap()),
  // The knowledge base's keywords (decision 0062), typed comma-separated.
  tags: TagsTextSchema.pipe(shape.tags.unwrap()),
});
type RetagFormValues = z.input<typeof RetagFormSchema>;
const RETAG_FIELDS = ['thematicPriorities', 'countries', 'tags'] as const;
const resolver = contractResolver(RetagFormSchema);

interface RetagFormProps {
  document: PoliDocument;
  onDone: () => void;
}

export function RetagForm({ document, onDone }: RetagFormProps) {
  const { t } = useTranslation();
  const update = useUpdateDocument(document.id);
  const announce = useUiStore((s) => s.announce);
  const fieldError = useFieldErrorMessage();
  const form = useForm<RetagFormValues, unknown, z.output<typeof RetagFormSchema>>({
    resolver,
    defaultValues: {
      thematicPriorities: document.thematicPriorities,
      countries: document.countries.join(', '),
      tags: document.tags.join(', '),
    },
  });

  const submit = form.handleSubmit((request) => {
    update.mutate(request, {
      onSuccess: () => {
        announce(t('documents.retagged'));
        onDone();
      },
      onError: (error) => showServerFieldErrors(error, RETAG_FIELDS, form.setError),
    });
  });

  return (
    <form
      className="inline-form card"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('documents.retagTitle')}
    >
      <PriorityField control={form.control} name="thematicPriorities" />
      <CountriesField control={form.control} name="countries" />
      <TextField
        label={t('knowledge.tagsField')}
        hint={t('knowledge.tagsHint')}
        error={fieldError(form.formState.errors.tags)}
        {...form.register('tags')}
      />
      <ErrorAlert error={update.error} context={t('documents.saveFailed')} />
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
