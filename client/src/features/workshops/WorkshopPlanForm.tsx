import { WORKSHOP_LIMITS } from '@polisee/domain';
import { useRef } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocuments } from '../../api/documents';
import { useSectionsOf } from '../../api/workshops';
import { useOrganisations, useUsers, useWorkingGroupMembers } from '../../api/workspace';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FieldError } from '../../ui/FieldError';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { AgendaFields } from './AgendaFields';
import { localTimeZone } from './localDateTime';
import {
  rowsWithUnlinkedSections,
  showWorkshopServerErrors,
  type WorkshopFormValues,
  type WorkshopRequest,
} from './workshopForm';
import { WorkshopPeopleFields } from './WorkshopPeopleFields';

interface WorkshopPlanFormProps {
  form: UseFormReturn<WorkshopFormValues, unknown, WorkshopRequest>;
  /**
   * Planning: the groups the reader may plan in, to choose from. Changing a plan: the
   * workshop's own group, shown with its language and not editable (the notes document exists
   * in that language).
   */
  group: { choose: readonly { id: string; name: string }[] } | { fixed: string };
  /** Sends the request; a refusal's field errors are put on their fields. */
  onValid: (request: WorkshopRequest) => Promise<unknown>;
  pending: boolean;
  error: unknown;
  labels: { formTitle: string; submit: string; submitting: string; failed: string };
  cancelTo: string;
}

/** The plan of a workshop: the form that plans one and changes one before it starts. */
export function WorkshopPlanForm({
  form,
  group,
  onValid,
  pending,
  error,
  labels,
  cancelTo,
}: WorkshopPlanFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors } = form.formState;
  const workingGroupId = form.watch('workingGroupId');
  const documentIds = form.watch('documentIds') ?? [];

  const documents = useDocuments({ workingGroupId: workingGroupId || undefined });
  const members = useWorkingGroupMembers(workingGroupId || undefined);
  const users = useUsers();
  const organisations = useOrganisations();
  const sections = useSectionsOf(documentIds);

  const groupDocuments = workingGroupId ? (documents.data ?? []) : [];
  const linked = documentIds.map((documentId, i) => ({
    documentId,
    title: groupDocuments.find((d) => d.id === documentId)?.title ?? '',
    sections: sections[i]?.data,
    failed: sections[i]?.isError ?? false,
  }));

  /** An agenda item may only point into a linked document: unlinking one clears its rows. */
  function clearUnlinkedSections(nextDocumentIds: readonly string[]) {
    for (const row of rowsWithUnlinkedSections(form.getValues('agenda'), nextDocumentIds))
      form.setValue(`agenda.${row}.section`, null);
  }

  const submit = form.handleSubmit(
    (request) =>
      onValid(request).catch((err: unknown) => {
        if (showWorkshopServerErrors(err, form.setError)) focusFirstInvalid(formRef.current);
      }),
    () => focusFirstInvalid(formRef.current),
  );
  const zone = localTimeZone();

  return (
    <form
      ref={formRef}
      className="form-card card workshop-form"
      data-testid="workshop-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="workshop-form-title"
    >
      <h2 id="workshop-form-title" className="visually-hidden">
        {labels.formTitle}
      </h2>
      <TextField
        id="workshop-title"
        label={t('workshops.form.name')}
        maxLength={WORKSHOP_LIMITS.titleChars}
        required
        error={fieldError(errors.title)}
        {...form.register('title')}
      />
      <TextArea
        id="workshop-purpose"
        label={t('workshops.form.purpose')}
        rows={3}
        maxLength={WORKSHOP_LIMITS.purposeChars}
        error={fieldError(errors.purpose)}
        {...form.register('purpose')}
      />
      {'fixed' in group ? (
        // Not registered: the values stay those loaded, and the inputs only show them.
        <TextField
          id="workshop-group"
          label={t('fields.workingGroup')}
          value={group.fixed}
          readOnly
          hint={t('workshops.edit.fixedHint')}
          error={undefined}
        />
      ) : (
        <SelectField
          id="workshop-group"
          label={t('fields.workingGroup')}
          required
          error={fieldError(errors.workingGroupId)}
          {...form.register('workingGroupId', {
            // Documents, facilitators and guests are chosen within a group.
            onChange: () => {
              form.setValue('documentIds', []);
              form.setValue('facilitatorIds', []);
              form.setValue('guestIds', []);
              clearUnlinkedSections([]);
            },
          })}
        >
          <option value="">{t('createDocument.chooseGroup')}</option>
          {group.choose.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="field-row">
        <TextField
          id="workshop-starts"
          label={t('workshops.form.startsAt')}
          type="datetime-local"
          required
          hint={t('workshops.form.timeZoneHint', { zone })}
          error={fieldError(errors.startsAt, { invalid_value: 'workshops.edit.startAfterEnd' })}
          {...form.register('startsAt')}
        />
        <TextField
          id="workshop-ends"
          label={t('workshops.form.endsAt')}
          type="datetime-local"
          required
          hint={t('workshops.form.timeZoneHint', { zone })}
          error={fieldError(errors.endsAt, { invalid_value: 'workshops.form.endBeforeStart' })}
          {...form.register('endsAt')}
        />
      </div>
      <Controller
        control={form.control}
        name="language"
        render={({ field }) => (
          <LanguageSelect
            label={t('workshops.form.language')}
            value={field.value}
            onChange={field.onChange}
            disabled={'fixed' in group}
          />
        )}
      />
      <FieldError id="workshop-language-error" message={fieldError(errors.language)} />
      {workingGroupId ? (
        <>
          {documents.isPending || members.isPending ? <Loading /> : null}
          <ErrorAlert error={documents.error} context={t('documents.loadFailed')} />
          <ErrorAlert error={members.error} context={t('workingGroups.membersFailed')} />
          <Controller
            control={form.control}
            name="documentIds"
            render={({ field, fieldState }) => (
              <div className="field">
                {groupDocuments.length > 0 ? (
                  <CheckboxGroup
                    legend={t('workshops.form.documents')}
                    name={field.name}
                    options={groupDocuments.map((d) => ({ value: d.id, label: d.title }))}
                    value={field.value ?? []}
                    onChange={(next) => {
                      field.onChange(next);
                      clearUnlinkedSections(next);
                    }}
                    error={fieldError(fieldState.error)}
                    className="checkbox-group checkbox-columns"
                  />
                ) : documents.data ? (
                  <p className="muted">{t('workshops.form.noDocuments')}</p>
                ) : null}
                <p className="field-hint">{t('workshops.form.documentsHint')}</p>
              </div>
            )}
          />
        </>
      ) : null}
      <AgendaFields form={form} linked={linked} />
      {workingGroupId ? (
        <WorkshopPeopleFields
          form={form}
          members={members.data ?? []}
          users={users.data ?? []}
          organisations={organisations.data ?? []}
        />
      ) : null}
      <div className="field checkbox-field">
        <label className="checkbox">
          <input type="checkbox" {...form.register('observersMayVote')} />
          <span>
            {t('workshops.form.observersMayVote')}
            <span className="checkbox-hint">{t('workshops.form.observersMayVoteHint')}</span>
          </span>
        </label>
      </div>
      <ErrorAlert error={error} context={labels.failed} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? labels.submitting : labels.submit}
        </button>
        <Link to={cancelTo} className="button button-quiet">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
