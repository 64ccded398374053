import type { Activity } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActivity } from '../../api/activity';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { interpolateNodes, markersFor } from '../../ui/interpolateNodes';
import { Loading } from '../../ui/Loading';

const PLACEHOLDERS = markersFor(['actor', 'title'] as const);

export function ActivityPanel() {
  const { t } = useTranslation();
  const activity = useActivity(20);

  return (
    <section className="card activity-panel" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity.title')}</h2>
      {activity.isPending ? <Loading /> : null}
      <ErrorAlert error={activity.error} context={t('activity.loadFailed')} />
      {activity.data && activity.data.length === 0 ? (
        <p className="muted small">{t('activity.empty')}</p>
      ) : null}
      {activity.data && activity.data.length > 0 ? (
        <ol className="activity-list">
          {activity.data.map((item) => (
            <ActivityLine key={item.id} item={item} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function ActivityLine({ item }: { item: Activity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = item.documentTitle ?? t('activity.untitled');
  const sentence = interpolateNodes(t(`activity.types.${item.type}`, PLACEHOLDERS), {
    actor: <strong>{item.actorName}</strong>,
    title: item.documentId ? (
      <Link to={paths.document(item.documentId)} data-document-id={item.documentId}>
        {title}
      </Link>
    ) : (
      <em>{title}</em>
    ),
  });
  return (
    <li>
      <p className="activity-sentence">{sentence}</p>
      <time className="activity-time" dateTime={item.at}>
        {format.dateTime(item.at)}
      </time>
    </li>
  );
}
