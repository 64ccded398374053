import type { Activity } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActivity, useDocumentActivity } from '../../api/activity';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { interpolateNodes, markersFor } from '../../ui/interpolateNodes';
import { Loading } from '../../ui/Loading';

const PLACEHOLDERS = markersFor(['actor', 'title'] as const);

/** The workspace's recent activity (dashboard), or one document's when `documentId` is given. */
export function ActivityPanel({ documentId }: { documentId?: string }) {
  return documentId ? <DocumentActivity documentId={documentId} /> : <WorkspaceActivity />;
}

function WorkspaceActivity() {
  const { t } = useTranslation();
  return <ActivityList title={t('activity.title')} activity={useActivity(20)} />;
}

function DocumentActivity({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  return (
    <ActivityList title={t('activity.documentTitle')} activity={useDocumentActivity(documentId)} />
  );
}

function ActivityList({
  title,
  activity,
}: {
  title: string;
  activity: ReturnType<typeof useActivity>;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="card activity-panel"
      aria-labelledby="activity-title"
      data-testid="activity-panel"
    >
      <h2 id="activity-title">{title}</h2>
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
