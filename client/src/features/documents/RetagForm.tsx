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
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors } from '../../ui/fieldErrorMessage';
import { PriorityField } from '../../ui/PriorityField';

/**
 * Re-tagging sends the priorities and countries of the shared PATCH, both required here (a
 * re-tag always says both); the countries are typed as text and read into the contract's list.
 */
const { shape } = UpdateDocumentRequestSchema;
const RetagFormSchema = z.object({
  thematicPriorities: shape.thematicPriorities.unwrap(),
  countries: CountriesTextSchema.pipe(shape.countries.unwrap()),
});
type RetagFormValues = z.input<typeof RetagFormSchema>;
const RETAG_FIELDS = ['thematicPriorities', 'countries'] as const;
const resolver = contractResolver(RetagFormSchema);

interface RetagFormProps {
  document: PoliDocument;
  onDone: () => void;
}

export function RetagForm({ document, onDone }: RetagFormProps) {
  const { t } = useTranslation();
  const update = useUpdateDocument(document.id);
  const announce = useUiStore((s) => s.announce);
  const form = useForm<RetagFormValues, unknown, z.output<typeof RetagFormSchema>>({
    resolver,
    defaultValues: {
      thematicPriorities: document.thematicPriorities,
      countries: document.countries.join(', '),
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
