import type { SignatoryView } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { useWorkingGroupMembers } from '../../api/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSetSignatory } from './signoffApi';

/**
 * The lead names who signs for each organisation of the group: one of its own members there,
 * or nobody (decision 0065).
 */
export function SignatoriesEditor({
  workingGroupId,
  documentId,
  organisations,
}: {
  workingGroupId: string;
  documentId: string;
  organisations: SignatoryView[];
}) {
  const { t } = useTranslation();
  const members = useWorkingGroupMembers(workingGroupId);
  const set = useSetSignatory(workingGroupId, documentId);
  return (
    <details className="signatories-editor" data-testid="signatories-editor">
      <summary>{t('signoffs.signatories.title')}</summary>
      <ul className="plain-list">
        {organisations.map((o) => {
          const candidates = (members.data ?? []).filter(
            (m) => m.user.organisationId === o.organisationId,
          );
          const id = `signatory-${o.organisationId}`;
          return (
            <li key={o.organisationId}>
              <label htmlFor={id}>{o.organisationName}</label>{' '}
              <select
                id={id}
                value={o.signatory?.userId ?? ''}
                disabled={set.isPending}
                onChange={(event) =>
                  set.mutate({
                    organisationId: o.organisationId,
                    userId: event.target.value || null,
                  })
                }
              >
                <option value="">{t('signoffs.noSignatory')}</option>
                {candidates.map((m) => (
                  <option key={m.user.id} value={m.user.id}>
                    {m.user.name}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
      <ErrorAlert error={set.error} context={t('signoffs.signatories.failed')} />
    </details>
  );
}
