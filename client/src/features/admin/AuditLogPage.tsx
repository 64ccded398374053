import type { AuditFilter, AuditPage } from '@polisee/contracts';
import { AUDIT_ACTIONS, type AuditEntry } from '@polisee/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/ApiError';
import { api, apiUrl } from '../../api/http';
import { useOrganisations, useUsers } from '../../api/workspace';
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
  });
}

/** Administrators read the append-only audit log here: filter, page back, download as CSV. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('audit.title'));
  const [draft, setDraft] = useState<FilterForm>(NO_FILTER);
  const [filter, setFilter] = useState<FilterForm>(NO_FILTER);
  const log = useAuditLog(filter);
  const users = useUsers();
  const organisations = useOrganisations();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  if (log.error instanceof ApiError && log.error.status === 403) {
    return (
      <div className="page page-narrow">
        <h1>{t('audit.title')}</h1>
        <div className="alert alert-error" role="alert">
          <p>{t('audit.notAllowed')}</p>
        </div>
      </div>
    );
  }

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

      <form className="filters" onSubmit={apply} aria-label={t('audit.filters')}>
        <label>
          {t('audit.action')}
          <select value={draft.action} onChange={(e) => set('action')(e.target.value)}>
            <option value="">{t('audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.person')}
          <select value={draft.actorId} onChange={(e) => set('actorId')(e.target.value)}>
            <option value="">{t('audit.anyone')}</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.organisation')}
          <select value={draft.organisation} onChange={(e) => set('organisation')(e.target.value)}>
            <option value="">{t('audit.anyOrganisation')}</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input
            type="date"
            value={draft.fromDay}
            onChange={(e) => set('fromDay')(e.target.value)}
          />
        </label>
        <label>
          {t('audit.to')}
          <input type="date" value={draft.toDay} onChange={(e) => set('toDay')(e.target.value)} />
        </label>
        <button type="submit">{t('audit.apply')}</button>
      </form>

      {log.isPending ? (
        <p className="muted">{t('audit.loading')}</p>
      ) : log.isError ? (
        <div className="alert alert-error" role="alert">
          <p>{t('audit.failed')}</p>
        </div>
      ) : entries.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <table className="table">
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
              <AuditRow key={e.id} entry={e} at={when.format(new Date(e.at))} />
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          onClick={() => void log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          {t('audit.loadMore')}
        </button>
      )}
    </div>
  );
}

function AuditRow({ entry, at }: { entry: AuditEntry; at: string }) {
  const { t } = useTranslation();
  const details = Object.entries(entry.details)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{at}</time>
      </td>
      <td>{t(`audit.actions.${entry.action}`)}</td>
      <td>{entry.actorName ?? t('audit.nobody')}</td>
      <td>{entry.organisationName ?? ''}</td>
      <td>{entry.address ?? ''}</td>
      <td>{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}` : ''}</td>
      <td>{details}</td>
    </tr>
  );
}
