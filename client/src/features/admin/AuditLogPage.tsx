import type { AuditFilter, AuditPage } from '@polisee/contracts';
import { AUDIT_ACTIONS, type AuditEntry } from '@polisee/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/ApiError';
import { useSessionInfo } from '../../api/auth';
import { useDocuments } from '../../api/documents';
import { api, apiUrl } from '../../api/http';
import { useOrganisations, useUsers, useWorkingGroups } from '../../api/workspace';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';

const PAGE_SIZE = 50;

/** The audit log's filters as the API takes them; dates are whole days in the reader's zone. */
interface FilterForm {
  action: string;
  actorId: string;
  organisation: string;
  fromDay: string;
  toDay: string;
}
const NO_FILTER: FilterForm = { action: '', actorId: '', organisation: '', fromDay: '', toDay: '' };

function toQuery(f: FilterForm): Record<keyof AuditFilter, string | undefined> {
  const dayStart = (day: string, plus = 0) => {
    if (!day) return undefined;
    const d = new Date(`${day}T00:00:00`);
    d.setDate(d.getDate() + plus);
    return d.toISOString();
  };
  return {
    action: f.action || undefined,
    actorId: f.actorId || undefined,
    organisation: f.organisation || undefined,
    from: dayStart(f.fromDay),
    // The "to" day is included: the filter ends where the next day starts.
    to: dayStart(f.toDay, 1),
    targetId: undefined,
  };
}

function useAuditLog(filter: FilterForm) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal, pageParam }) =>
      api.get<AuditPage>(
        '/audit',
        { ...toQuery(filter), limit: PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    // The log is read to find out what just happened: never shown from a cache alone.
    staleTime: 0,
  });
}

/** Current names of people, groups and documents by id, to show instead of the ids entries keep. */
function useNames() {
  const users = useUsers();
  const groups = useWorkingGroups();
  const documents = useDocuments({ includeArchived: true });
  return useMemo(() => {
    const byId = (items: { id: string; name?: string; title?: string }[] | undefined) =>
      new Map((items ?? []).map((i) => [i.id, i.name ?? i.title ?? i.id]));
    return {
      user: byId(users.data),
      workingGroup: byId(groups.data),
      document: byId(documents.data),
    };
  }, [users.data, groups.data, documents.data]);
}
type Names = ReturnType<typeof useNames>;

function NotAllowed() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <h1>{t('audit.title')}</h1>
      <div className="alert alert-error" role="alert">
        <p>{t('audit.notAllowed')}</p>
      </div>
    </div>
  );
}

/** Administrators read the append-only audit log here: filter, page back, download as CSV. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  usePageTitle(t('audit.title'));
  // The server refuses the log to everyone else; this spares them the queries and the form.
  return session.user.isAdmin ? <AuditLog /> : <NotAllowed />;
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<FilterForm>(NO_FILTER);
  const [filter, setFilter] = useState<FilterForm>(NO_FILTER);
  const log = useAuditLog(filter);
  const users = useUsers();
  const organisations = useOrganisations();
  const names = useNames();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  // Rights taken away while the page was open.
  if (log.error instanceof ApiError && log.error.status === 403) return <NotAllowed />;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const csvHref = apiUrl('/audit/export.csv', toQuery(filter));
  const set = (key: keyof FilterForm) => (value: string) => setDraft({ ...draft, [key]: value });

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <p>
            <Link to="/admin">{t('admin.title')}</Link>
          </p>
          <h1>{t('audit.title')}</h1>
          <p className="muted">{t('audit.intro')}</p>
        </div>
        <a className="button" href={csvHref} download>
          {t('audit.downloadCsv')}
        </a>
      </div>

      <form className="filters" role="search" onSubmit={apply} aria-label={t('audit.filters')}>
        <SelectField
          name="action"
          label={t('audit.action')}
          value={draft.action}
          error={undefined}
          onChange={(e) => set('action')(e.target.value)}
        >
          <option value="">{t('audit.anyAction')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`audit.actions.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="actorId"
          label={t('audit.person')}
          value={draft.actorId}
          error={undefined}
          onChange={(e) => set('actorId')(e.target.value)}
        >
          <option value="">{t('audit.anyone')}</option>
          {(users.data ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="organisation"
          label={t('audit.organisation')}
          value={draft.organisation}
          error={undefined}
          onChange={(e) => set('organisation')(e.target.value)}
        >
          <option value="">{t('audit.anyOrganisation')}</option>
          {(organisations.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField
          type="date"
          name="from"
          label={t('audit.from')}
          value={draft.fromDay}
          error={undefined}
          onValueChange={set('fromDay')}
        />
        <TextField
          type="date"
          name="to"
          label={t('audit.to')}
          value={draft.toDay}
          error={undefined}
          onValueChange={set('toDay')}
        />
        <div className="filter-toggles">
          <button type="submit" className="button button-primary">
            {t('audit.apply')}
          </button>
        </div>
      </form>

      {log.isPending ? (
        <p className="muted" role="status">
          {t('audit.loading')}
        </p>
      ) : log.isError ? (
        <div className="alert alert-error" role="alert">
          <p>{t('audit.failed')}</p>
        </div>
      ) : entries.length === 0 ? (
        <p className="muted" role="status">
          {t('audit.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.person')}</th>
                <th scope="col">{t('audit.organisation')}</th>
                <th scope="col">{t('audit.address')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <AuditRow key={e.id} entry={e} at={when.format(new Date(e.at))} names={names} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasNextPage ? (
        <LoadMoreButton
          label={t('audit.loadMore')}
          loading={log.isFetchingNextPage}
          onLoadMore={() => void log.fetchNextPage()}
        />
      ) : null}
    </div>
  );
}

/**
 * What the entry is about, by its name now; a document by its title at the time when the entry
 * kept one. Only what no list can name (a removed user, a review) shows as kind and id.
 */
function targetName(entry: AuditEntry, names: Names, t: TFunction): string {
  const { targetType, targetId } = entry;
  if (!targetType || !targetId) return '';
  const title = entry.details.documentTitle;
  if (targetType === 'document' && typeof title === 'string') return title;
  const known =
    targetType === 'user' || targetType === 'workingGroup' || targetType === 'document'
      ? names[targetType].get(targetId)
      : undefined;
  return known ?? `${t(`audit.targetTypes.${targetType}`)} ${targetId}`;
}

/** The details a reader needs, labelled in their language; ids and titles shown elsewhere. */
function useDetails(entry: AuditEntry, names: Names): { label: string; value: string }[] {
  const { t } = useTranslation();
  return Object.entries(entry.details).flatMap(([key, raw]) => {
    // Shown as the target; an absent or switched-off option says nothing.
    if (key === 'documentTitle' || raw === null || raw === false) return [];
    const label = t(`audit.detailKeys.${key}`, { defaultValue: key });
    let value = String(raw);
    if (raw === true) value = t('audit.yes');
    else if (key === 'workingGroupId') value = names.workingGroup.get(value) ?? value;
    else if (key === 'role') value = t(`roles.${value}`, { defaultValue: value });
    else if (key === 'format') value = t(`export.formats.${value}`, { defaultValue: value });
    else if (key === 'status') value = t(`statuses.${value}`, { defaultValue: value });
    return [{ label, value }];
  });
}

function AuditRow({ entry, at, names }: { entry: AuditEntry; at: string; names: Names }) {
  const { t } = useTranslation();
  const details = useDetails(entry, names);
  return (
    <tr data-action={entry.action}>
      <td>
        <time dateTime={entry.at}>{at}</time>
      </td>
      <td>{t(`audit.actions.${entry.action}`)}</td>
      <td>{entry.actorName ?? t('audit.nobody')}</td>
      <td>{entry.organisationName ?? ''}</td>
      <td>{entry.address ?? ''}</td>
      <td>{targetName(entry, names, t)}</td>
      <td>{details.map((d) => `${d.label}: ${d.value}`).join('; ')}</td>
    </tr>
  );
}
