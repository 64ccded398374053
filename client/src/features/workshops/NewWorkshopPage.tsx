import { WORKSHOP_LIMITS } from '@polisee/domain';
import { useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useDocuments } from '../../api/documents';
import { useCreateWorkshop, useSectionsOf } from '../../api/workshops';
import {
  useOrganisations,
  useUsers,
  useWorkingGroupMembers,
  useWorkingGroups,
} from '../../api/workspace';
import { currentLanguage } from '../../i18n';
import { canPlanWorkshopIn } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FieldError } from '../../ui/FieldError';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';
import { AgendaFields } from './AgendaFields';
import { localTimeZone } from './localDateTime';
import {
  defaultWorkshopValues,
  rowsWithUnlinkedSections,
  showWorkshopServerErrors,
  WorkshopFormSchema,
  type WorkshopFormValues,
  type WorkshopRequest,
} from './workshopForm';
import { WorkshopPeopleFields } from './WorkshopPeopleFields';

const resolver = contractResolver(WorkshopFormSchema);

/** `/workshops/new?workingGroupId=…`: plan a workshop of one of the reader's groups. */
export function NewWorkshopPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionInfo();
  const groups = useWorkingGroups();
  const create = useCreateWorkshop();
  const fieldError = useFieldErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  usePageTitle(t('workshops.form.title'));

  const form = useForm<WorkshopFormValues, unknown, WorkshopRequest>({
    resolver,
    defaultValues: defaultWorkshopValues({
      workingGroupId: params.get('workingGroupId') ?? '',
      language: currentLanguage(i18n.language),
    }),
  });
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
    (request) => {
      create.mutate(request, {
        onSuccess: (workshop) => void navigate(paths.workshop(workshop.id)),
        onError: (error) => {
          if (showWorkshopServerErrors(error, form.setError)) focusFirstInvalid(formRef.current);
        },
      });
    },
    () => focusFirstInvalid(formRef.current),
  );

  if (groups.isPending) return <Loading />;
  if (groups.isError)
    return <ErrorAlert error={groups.error} context={t('workingGroups.loadFailed')} />;

  const eligible = groups.data.filter((g) => canPlanWorkshopIn(session, g.id));
  const zone = localTimeZone();

  return (
    <div className="page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to={paths.workshops()}>{t('workshops.page.title')}</Link>
      </nav>
      <h1>{t('workshops.form.title')}</h1>
      {eligible.length === 0 ? (
        <div className="alert alert-info" role="status">
          <p>{t('workshops.form.noEligibleGroups')}</p>
        </div>
      ) : (
        <form
          ref={formRef}
          className="form-card card workshop-form"
          data-testid="workshop-form"
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-labelledby="workshop-form-title"
        >
          <h2 id="workshop-form-title" className="visually-hidden">
            {t('workshops.form.formTitle')}
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
            {eligible.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </SelectField>
          <div className="field-row">
            <TextField
              id="workshop-starts"
              label={t('workshops.form.startsAt')}
              type="datetime-local"
              required
              hint={t('workshops.form.timeZoneHint', { zone })}
              error={fieldError(errors.startsAt)}
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
          <ErrorAlert error={create.error} context={t('workshops.form.failed')} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={create.isPending}>
              {create.isPending ? t('workshops.form.submitting') : t('workshops.form.submit')}
            </button>
            <Link to={paths.workshops()} className="button button-quiet">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}
