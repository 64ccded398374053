import type { PoliDocument, ThematicPriority } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useUpdateDocument } from '../../api/documents';
import { useUiStore } from '../../stores/ui';
import { parseCountries } from '../../ui/countries';
import { CountriesInput } from '../../ui/CountriesInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PriorityCheckboxes } from '../../ui/PriorityCheckboxes';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';

interface RetagFormProps {
  document: PoliDocument;
  onDone: () => void;
}

export function RetagForm({ document, onDone }: RetagFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const update = useUpdateDocument(document.id);
  const announce = useUiStore((s) => s.announce);
  const [priorities, setPriorities] = useState<ThematicPriority[]>(document.thematicPriorities);
  const [countries, setCountries] = useState(document.countries.join(', '));
  const [priorityError, setPriorityError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseCountries(countries);
    if (priorities.length === 0) {
      setPriorityError(t('forms.pickPriority'));
      return;
    }
    setPriorityError(undefined);
    // The countries field shows its own error while it holds an invalid code.
    if (parsed.invalid.length > 0) return;
    update.mutate(
      { thematicPriorities: priorities, countries: parsed.codes },
      {
        onSuccess: () => {
          announce(t('documents.retagged'));
          onDone();
        },
      },
    );
  }

  const serverErrors = isApiError(update.error) ? update.error.fieldErrors() : {};

  return (
    <form
      className="inline-form card"
      onSubmit={submit}
      noValidate
      aria-label={t('documents.retagTitle')}
    >
      <PriorityCheckboxes
        legend={t('fields.priorities')}
        value={priorities}
        onChange={setPriorities}
        error={priorityError ?? fieldError(serverErrors.thematicPriorities)}
      />
      <CountriesInput
        label={t('fields.countries')}
        value={countries}
        onChange={setCountries}
        error={fieldError(serverErrors.countries)}
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
