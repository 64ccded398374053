import type { ThematicPriority } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useCreateWorkingGroup } from '../../api/workspace';
import { useUiStore } from '../../stores/ui';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FieldError } from '../../ui/FieldError';
import { PriorityCheckboxes } from '../../ui/PriorityCheckboxes';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';

export function WorkingGroupForm() {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const create = useCreateWorkingGroup();
  const announce = useUiStore((s) => s.announce);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [priorities, setPriorities] = useState<ThematicPriority[]>([]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = {
      name: name.trim() ? undefined : t('forms.required'),
      thematicPriorities: priorities.length > 0 ? undefined : t('forms.pickPriority'),
    };
    setErrors(found);
    if (found.name || found.thematicPriorities) return;
    create.mutate(
      { name: name.trim(), description: description.trim(), thematicPriorities: priorities },
      {
        onSuccess: (group) => {
          announce(t('admin.workingGroup.created', { name: group.name }));
          setName('');
          setDescription('');
          setPriorities([]);
        },
      },
    );
  }

  const serverErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errorOf = (field: string) => errors[field] ?? fieldError(serverErrors[field]);

  return (
    <section className="card admin-card" aria-labelledby="group-form-title">
      <h2 id="group-form-title">{t('admin.workingGroup.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="group-name">{t('fields.name')}</label>
          <input
            id="group-name"
            name="name"
            value={name}
            maxLength={200}
            aria-invalid={errorOf('name') ? true : undefined}
            aria-describedby={describedBy(errorOf('name') && 'group-name-error')}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id="group-name-error" message={errorOf('name')} />
        </div>
        <div className="field">
          <label htmlFor="group-description">{t('fields.description')}</label>
          <textarea
            id="group-description"
            name="description"
            rows={3}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <PriorityCheckboxes
          legend={t('fields.priorities')}
          value={priorities}
          onChange={setPriorities}
          error={errorOf('thematicPriorities')}
        />
        <ErrorAlert error={create.error} context={t('admin.workingGroup.failed')} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.workingGroup.submit')}
        </button>
      </form>
    </section>
  );
}
