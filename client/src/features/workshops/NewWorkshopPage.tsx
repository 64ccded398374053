import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useCreateWorkshop } from '../../api/workshops';
import { useWorkingGroups } from '../../api/workspace';
import { currentLanguage } from '../../i18n';
import { canPlanWorkshopIn } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  defaultWorkshopValues,
  WorkshopFormSchema,
  type WorkshopFormValues,
  type WorkshopRequest,
} from './workshopForm';
import { WorkshopPlanForm } from './WorkshopPlanForm';

const resolver = contractResolver(WorkshopFormSchema);

/** `/workshops/new?workingGroupId=…`: plan a workshop of one of the reader's groups. */
export function NewWorkshopPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSessionInfo();
  const groups = useWorkingGroups();
  const create = useCreateWorkshop();
  usePageTitle(t('workshops.form.title'));

  const form = useForm<WorkshopFormValues, unknown, WorkshopRequest>({
    resolver,
    defaultValues: defaultWorkshopValues({
      workingGroupId: params.get('workingGroupId') ?? '',
      language: currentLanguage(i18n.language),
    }),
  });

  if (groups.isPending) return <Loading />;
  if (groups.isError)
    return <ErrorAlert error={groups.error} context={t('workingGroups.loadFailed')} />;

  const eligible = groups.data.filter((g) => canPlanWorkshopIn(session, g.id));

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
        <WorkshopPlanForm
          form={form}
          group={{ choose: eligible }}
          onValid={(request) =>
            create.mutateAsync(request).then((workshop) => navigate(paths.workshop(workshop.id)))
          }
          pending={create.isPending}
          error={create.error}
          labels={{
            formTitle: t('workshops.form.formTitle'),
            submit: t('workshops.form.submit'),
            submitting: t('workshops.form.submitting'),
            failed: t('workshops.form.failed'),
          }}
          cancelTo={paths.workshops()}
        />
      )}
    </div>
  );
}
