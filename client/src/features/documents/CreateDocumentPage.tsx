import { DOCUMENT_KINDS, DocumentKindSchema, ThematicPrioritySchema } from '@polisee/domain';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useCreateDocument } from '../../api/documents';
import { useWorkingGroups } from '../../api/workspace';
import { currentLanguage } from '../../i18n';
import { canCreateDocumentIn } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { contractResolver } from '../../ui/contractResolver';
import { CountriesField } from '../../ui/CountriesField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FieldError } from '../../ui/FieldError';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { Loading } from '../../ui/Loading';
import { PriorityField } from '../../ui/PriorityField';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  CREATE_DOCUMENT_FIELDS,
  CreateDocumentFormSchema,
  type CreateDocumentFormValues,
} from './createDocumentForm';
import { TemplatePreview } from './TemplatePreview';

const resolver = contractResolver(CreateDocumentFormSchema);

export function CreateDocumentPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionInfo();
  const groups = useWorkingGroups();
  const create = useCreateDocument();
  const fieldError = useFieldErrorMessage();
  usePageTitle(t('createDocument.title'));

  const eligible = (groups.data ?? []).filter((g) => canCreateDocumentIn(session, g.id));
  const presetPriority = ThematicPrioritySchema.safeParse(params.get('priority'));
  const form = useForm<
    CreateDocumentFormValues,
    unknown,
    ReturnType<typeof CreateDocumentFormSchema.parse>
  >({
    resolver,
    defaultValues: {
      title: '',
      // The placeholder options: an unchosen select reads as `required`, like on the server.
      kind: '' as CreateDocumentFormValues['kind'],
      workingGroupId: params.get('workingGroupId') ?? '',
      thematicPriorities: presetPriority.success ? [presetPriority.data] : [],
      language: currentLanguage(i18n.language),
      countries: '',
    },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((request) => {
    create.mutate(request, {
      onSuccess: (document) => void navigate(paths.document(document.id)),
      onError: (error) => showServerFieldErrors(error, CREATE_DOCUMENT_FIELDS, form.setError),
    });
  });

  if (groups.isPending) return <Loading />;
  if (groups.isError)
    return <ErrorAlert error={groups.error} context={t('workingGroups.loadFailed')} />;

  const chosenKind = DocumentKindSchema.safeParse(form.watch('kind'));

  return (
    <div className="page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to={paths.documents()}>{t('catalogue.title')}</Link>
      </nav>
      <h1>{t('createDocument.title')}</h1>
      {eligible.length === 0 ? (
        <div className="alert alert-info" role="status">
          <p>{t('createDocument.noEligibleGroups')}</p>
        </div>
      ) : (
        <div className="create-layout">
          <form
            className="form-card card"
            onSubmit={(event) => void submit(event)}
            noValidate
            aria-labelledby="create-form-title"
          >
            <h2 id="create-form-title" className="visually-hidden">
              {t('createDocument.formTitle')}
            </h2>
            <TextField
              id="doc-title"
              label={t('fields.title')}
              maxLength={200}
              required
              error={fieldError(errors.title)}
              {...form.register('title')}
            />
            <SelectField
              id="doc-kind"
              label={t('fields.kind')}
              required
              error={fieldError(errors.kind)}
              {...form.register('kind')}
            >
              <option value="">{t('createDocument.chooseKind')}</option>
              {DOCUMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="doc-group"
              label={t('fields.workingGroup')}
              required
              error={fieldError(errors.workingGroupId)}
              {...form.register('workingGroupId')}
            >
              <option value="">{t('createDocument.chooseGroup')}</option>
              {eligible.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </SelectField>
            <PriorityField control={form.control} name="thematicPriorities" withDescriptions />
            <Controller
              control={form.control}
              name="language"
              render={({ field }) => (
                <LanguageSelect
                  label={t('createDocument.languageLabel')}
                  value={field.value}
                  onChange={field.onChange}
                />
              )}
            />
            <FieldError id="doc-language-error" message={fieldError(errors.language)} />
            <CountriesField control={form.control} name="countries" />
            <ErrorAlert error={create.error} context={t('createDocument.failed')} />
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={create.isPending}>
                {create.isPending ? t('createDocument.submitting') : t('createDocument.submit')}
              </button>
              <Link to={paths.documents()} className="button button-quiet">
                {t('common.cancel')}
              </Link>
            </div>
          </form>
          <TemplatePreview
            kind={chosenKind.success ? chosenKind.data : ''}
            language={form.watch('language')}
          />
        </div>
      )}
    </div>
  );
}
