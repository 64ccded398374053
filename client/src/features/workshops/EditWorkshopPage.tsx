import type { WorkshopView } from '@polisee/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useUpdateWorkshop, useWorkshop } from '../../api/workshops';
import { paths } from '../../routes/paths';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { mayOnWorkshop } from './live/workshopPermissions';
import {
  updateWorkshopRequest,
  workshopFormValues,
  WorkshopFormSchema,
  type WorkshopFormValues,
  type WorkshopRequest,
} from './workshopForm';
import { WorkshopPlanForm } from './WorkshopPlanForm';

const resolver = contractResolver(WorkshopFormSchema);

/** `/workshops/:id/edit`: a facilitator changes the plan before the workshop starts. */
export function EditWorkshopPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const session = useSessionInfo();
  usePageTitle(t('workshops.edit.title'));

  if (workshop.isPending) return <Loading />;
  if (workshop.isError)
    return <ErrorAlert error={workshop.error} context={t('workshops.edit.loadFailed')} />;

  const editable =
    workshop.data.status === 'scheduled' &&
    mayOnWorkshop(session, 'workshop.facilitate', workshop.data);
  return (
    <div className="page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to={paths.workshop(id)}>{workshop.data.title}</Link>
      </nav>
      <h1>{t('workshops.edit.title')}</h1>
      {editable ? (
        <EditWorkshopForm key={workshop.data.id} workshop={workshop.data} />
      ) : (
        <div className="alert alert-info" role="status">
          <p>
            {workshop.data.status === 'scheduled'
              ? t('workshops.edit.notFacilitator')
              : t('workshops.edit.started')}
          </p>
        </div>
      )}
    </div>
  );
}

function EditWorkshopForm({ workshop }: { workshop: WorkshopView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateWorkshop(workshop.id);
  // The plan as it was when the form opened: only what the facilitator changed is sent, so
  // another facilitator's change to other fields meanwhile is kept, not undone.
  const [loaded] = useState(workshop);
  const form = useForm<WorkshopFormValues, unknown, WorkshopRequest>({
    resolver,
    defaultValues: workshopFormValues(loaded),
  });
  const back = () => navigate(paths.workshop(workshop.id));

  return (
    <WorkshopPlanForm
      form={form}
      group={{ fixed: loaded.workingGroupName }}
      onValid={async (request) => {
        const change = updateWorkshopRequest(loaded, request);
        if (change) await update.mutateAsync(change);
        await back();
      }}
      pending={update.isPending}
      error={update.error}
      labels={{
        formTitle: t('workshops.edit.formTitle'),
        submit: t('workshops.edit.submit'),
        submitting: t('workshops.edit.submitting'),
        failed: t('workshops.edit.failed'),
      }}
      cancelTo={paths.workshop(workshop.id)}
    />
  );
}
