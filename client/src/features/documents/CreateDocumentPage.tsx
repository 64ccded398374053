import { DOCUMENT_KINDS, DocumentKindSchema, ThematicPrioritySchema } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { useSessionInfo } from '../../api/auth';
import { useCreateDocument } from '../../api/documents';
import { useWorkingGroups } from '../../api/workspace';
import { currentLanguage } from '../../i18n';
import { paths } from '../../routes/paths';
import { CountriesInput } from '../../ui/CountriesInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FieldError } from '../../ui/FieldError';
import { focusFirstInvalid } from '../../ui/focusFirstInvalid';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { Loading } from '../../ui/Loading';
import { PriorityCheckboxes } from '../../ui/PriorityCheckboxes';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  validateDraft,
  type CreateDocumentDraft,
  type CreateDocumentField,
  type DraftProblem,
} from './createDocumentForm';
import { TemplatePreview } from './TemplatePreview';

export function CreateDocumentPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionInfo();
  const groups = useWorkingGroups();
  const create = useCreateDocument();
  usePageTitle(t('createDocument.title'));

  const eligible = (groups.data ?? []).filter(
    (g) => session.user.isAdmin || g.myRole === 'wg_lead' || g.myRole === 'wg_member',
  );
  const presetPriority = ThematicPrioritySchema.safeParse(params.get('priority'));
  const [draft, setDraft] = useState<CreateDocumentDraft>(() => ({
    title: '',
    kind: '',
    workingGroupId: params.get('workingGroupId') ?? '',
    thematicPriorities: presetPriority.success ? [presetPriority.data] : [],
    language: currentLanguage(i18n.language),
    countries: '',
  }));
  const [problems, setProblems] = useState<DraftProblem[]>([]);

  const set = <K extends keyof CreateDocumentDraft>(key: K, value: CreateDocumentDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function messageFor(problem: DraftProblem): string {
    switch (problem.rule) {
      case 'required':
        return t('forms.required');
      case 'tooLong':
        return t('forms.tooLong', { max: 200 });
      case 'pickPriority':
        return t('forms.pickPriority');
      case 'tooManyCountries':
        return t('forms.tooManyCountries', { max: 30 });
      case 'invalidCountries':
        return t('forms.countriesInvalid', { codes: problem.codes.join(', ') });
    }
  }

  const serverErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errorFor = (field: CreateDocumentField): string | undefined => {
    const local = problems.find((p) => p.field === field);
    return local ? messageFor(local) : serverErrors[field];
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateDraft(draft);
    if (!result.ok) {
      setProblems(result.problems);
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setProblems([]);
    const form = event.currentTarget;
    create.mutate(result.request, {
      onSuccess: (document) => void navigate(paths.document(document.id)),
      onError: () => focusFirstInvalid(form),
    });
  }

  if (groups.isPending) return <Loading />;
  if (groups.isError)
    return <ErrorAlert error={groups.error} context={t('workingGroups.loadFailed')} />;

  const titleError = errorFor('title');
  const kindError = errorFor('kind');
  const groupError = errorFor('workingGroupId');
  const languageError = errorFor('language');
  const chosenKind = DocumentKindSchema.safeParse(draft.kind);

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
            onSubmit={submit}
            noValidate
            aria-labelledby="create-form-title"
          >
            <h2 id="create-form-title" className="visually-hidden">
              {t('createDocument.formTitle')}
            </h2>
            <div className="field">
              <label htmlFor="doc-title">{t('fields.title')}</label>
              <input
                id="doc-title"
                name="title"
                value={draft.title}
                maxLength={200}
                required
                aria-invalid={titleError ? true : undefined}
                aria-describedby={describedBy(titleError && 'doc-title-error')}
                onChange={(e) => set('title', e.target.value)}
              />
              <FieldError id="doc-title-error" message={titleError} />
            </div>
            <div className="field">
              <label htmlFor="doc-kind">{t('fields.kind')}</label>
              <select
                id="doc-kind"
                name="kind"
                value={draft.kind}
                required
                aria-invalid={kindError ? true : undefined}
                aria-describedby={describedBy(kindError && 'doc-kind-error')}
                onChange={(e) => set('kind', e.target.value)}
              >
                <option value="">{t('createDocument.chooseKind')}</option>
                {DOCUMENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </select>
              <FieldError id="doc-kind-error" message={kindError} />
            </div>
            <div className="field">
              <label htmlFor="doc-group">{t('fields.workingGroup')}</label>
              <select
                id="doc-group"
                name="workingGroupId"
                value={draft.workingGroupId}
                required
                aria-invalid={groupError ? true : undefined}
                aria-describedby={describedBy(groupError && 'doc-group-error')}
                onChange={(e) => set('workingGroupId', e.target.value)}
              >
                <option value="">{t('createDocument.chooseGroup')}</option>
                {eligible.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </select>
              <FieldError id="doc-group-error" message={groupError} />
            </div>
            <PriorityCheckboxes
              legend={t('fields.priorities')}
              value={draft.thematicPriorities}
              onChange={(value) => set('thematicPriorities', value)}
              error={errorFor('thematicPriorities')}
              withDescriptions
            />
            <LanguageSelect
              label={t('createDocument.languageLabel')}
              value={draft.language}
              onChange={(language) => set('language', language)}
            />
            <FieldError id="doc-language-error" message={languageError} />
            <CountriesInput
              label={t('fields.countries')}
              value={draft.countries}
              onChange={(value) => set('countries', value)}
              error={errorFor('countries')}
            />
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
            language={draft.language}
          />
        </div>
      )}
    </div>
  );
}
