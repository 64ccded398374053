import type { PoliDocument } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUsers, useWorkingGroups } from '../../api/workspace';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { DocumentKindLabel } from '../../ui/DocumentKindLabel';
import { PriorityTags } from '../../ui/PriorityTags';
import { StatusBadge } from '../../ui/StatusBadge';

export function DocumentMetadata({ document }: { document: PoliDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useWorkingGroups();
  const users = useUsers();
  const group = groups.data?.find((g) => g.id === document.workingGroupId);
  const nameOf = (id: string) =>
    users.data?.find((u) => u.id === id)?.name ?? t('documents.unknownUser');
  const owners = document.ownerIds.map(nameOf);
  const held = document.suggestOnlyIds.map(nameOf);

  return (
    <dl className="meta-list document-meta">
      <dt>{t('fields.kind')}</dt>
      <dd>
        <DocumentKindLabel kind={document.kind} />
      </dd>
      <dt>{t('fields.workingGroup')}</dt>
      <dd>
        {group ? <Link to={paths.workingGroup(group.id)}>{group.name}</Link> : t('common.unknown')}
      </dd>
      <dt>{t('fields.priorities')}</dt>
      <dd>
        <PriorityTags priorities={document.thematicPriorities} />
      </dd>
      <dt>{t('fields.countries')}</dt>
      <dd>
        {document.countries.length > 0
          ? format.list(document.countries.map(format.country))
          : t('common.none')}
      </dd>
      <dt>{t('knowledge.tags')}</dt>
      <dd data-testid="document-tags">
        {document.tags.length > 0 ? format.list(document.tags) : t('common.none')}
      </dd>
      <dt>{t('fields.language')}</dt>
      <dd lang={document.language}>{t(`languageNames.${document.language}`)}</dd>
      <dt>{t('fields.status')}</dt>
      <dd>
        <StatusBadge status={document.status} />
      </dd>
      <dt>{t('fields.owners')}</dt>
      <dd>{owners.length > 0 ? format.list(owners) : t('common.none')}</dd>
      {held.length > 0 ? (
        <>
          <dt>{t('suggestions.heldField')}</dt>
          <dd data-testid="document-suggest-only">{format.list(held)}</dd>
        </>
      ) : null}
      <dt>{t('fields.created')}</dt>
      <dd>
        <time dateTime={document.createdAt}>{format.dateTime(document.createdAt)}</time>
      </dd>
      <dt>{t('fields.updated')}</dt>
      <dd>
        <time dateTime={document.updatedAt}>{format.dateTime(document.updatedAt)}</time>
      </dd>
    </dl>
  );
}
