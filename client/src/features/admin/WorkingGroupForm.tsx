import { CreateWorkingGroupRequestSchema } from '@polisee/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useCreateWorkingGroup } from '../../api/workspace';
import { useUiStore } from '../../stores/ui';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { PriorityField } from '../../ui/PriorityField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';

/** The request's own schema; its description may be left out, the form always has the text. */
const WorkingGroupFormSchema = CreateWorkingGroupRequestSchema.extend({
  description: CreateWorkingGroupRequestSchema.shape.description.unwrap(),
});
type WorkingGroupFormValues = z.input<typeof WorkingGroupFormSchema>;
type WorkingGroupRequest = z.output<typeof WorkingGroupFormSchema>;
const WORKING_GROUP_FIELDS = ['name', 'description', 'thematicPriorities'] as const;
const resolver = contractResolver(WorkingGroupFormSchema);
const EMPTY: WorkingGroupFormValues = { name: '', description: '', thematicPriorities: [] };

export function WorkingGroupForm() {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const create = useCreateWorkingGroup();
  const announce = useUiStore((s) => s.announce);
  const form = useForm<WorkingGroupFormValues, unknown, WorkingGroupRequest>({
    resolver,
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((request) => {
    create.mutate(request, {
      onSuccess: (group) => {
        announce(t('admin.workingGroup.created', { name: group.name }));
        form.reset(EMPTY);
      },
      onError: (error) => showServerFieldErrors(error, WORKING_GROUP_FIELDS, form.setError),
    });
  });

  return (
    <section className="card admin-card" aria-labelledby="group-form-title">
      <h2 id="group-form-title">{t('admin.workingGroup.title')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="group-name"
          label={t('fields.name')}
          maxLength={200}
          error={fieldError(errors.name)}
          {...form.register('name')}
        />
        <TextArea
          id="group-description"
          label={t('fields.description')}
          rows={3}
          maxLength={2000}
          error={fieldError(errors.description)}
          {...form.register('description')}
        />
        <PriorityField control={form.control} name="thematicPriorities" />
        <ErrorAlert error={create.error} context={t('admin.workingGroup.failed')} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.workingGroup.submit')}
        </button>
      </form>
    </section>
  );
}
