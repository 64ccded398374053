import type { WorkingGroupSummary } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { DocumentKindLabel } from '../../ui/DocumentKindLabel';
import { PriorityTags } from '../../ui/PriorityTags';
import { StatusBadge } from '../../ui/StatusBadge';
import { useSignoffStatuses } from '../signoffs/signoffApi';
import { CatalogueSignoffChip } from '../signoffs/SignoffStatusChip';

interface DocumentTableProps {
  documents: PoliDocument[];
  workingGroups: WorkingGroupSummary[];
  caption: string;
}

export function DocumentTable({ documents, workingGroups, caption }: DocumentTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const signoffs = useSignoffStatuses(documents.map((d) => d.id));
  const groupName = (id: string) =>
    workingGroups.find((g) => g.id === id)?.name ?? t('common.unknown');

  return (
    <div className="table-wrap">
      <table className="data-table documents-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.title')}</th>
            <th scope="col">{t('fields.kind')}</th>
            <th scope="col">{t('fields.workingGroup')}</th>
            <th scope="col">{t('fields.priorities')}</th>
            <th scope="col">{t('fields.status')}</th>
            <th scope="col">{t('fields.language')}</th>
            <th scope="col">{t('fields.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id} data-document-id={document.id}>
              <th scope="row">
                <Link to={paths.document(document.id)} data-document-id={document.id}>
                  {document.title}
                </Link>
              </th>
              <td>
                <DocumentKindLabel kind={document.kind} />
              </td>
              <td>{groupName(document.workingGroupId)}</td>
              <td>
                <PriorityTags priorities={document.thematicPriorities} />
              </td>
              <td>
                <StatusBadge status={document.status} />
                <CatalogueSignoffChip status={signoffs.data?.get(document.id)} />
              </td>
              <td lang={document.language}>{t(`languageNames.${document.language}`)}</td>
              <td>
                <time dateTime={document.updatedAt}>{format.date(document.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
