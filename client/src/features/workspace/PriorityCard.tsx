import type { PoliDocument, ThematicPriority } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { DocumentKindLabel } from '../../ui/DocumentKindLabel';
import { interpolateNodes, markersFor } from '../../ui/interpolateNodes';
import { StatusBadge } from '../../ui/StatusBadge';

const SHOWN = 5;

interface PriorityCardProps {
  priority: ThematicPriority;
  documents: PoliDocument[];
  loading: boolean;
}

export function PriorityCard({ priority, documents, loading }: PriorityCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `priority-${priority}-title`;

  return (
    <section
      className={`card priority-card priority-${priority}`}
      data-priority={priority}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{t(`priorities.${priority}.name`)}</h3>
      <p className="priority-description">{t(`priorities.${priority}.description`)}</p>
      {!loading && documents.length === 0 ? (
        <p className="muted small">{t('dashboard.noDocuments')}</p>
      ) : null}
      {documents.length > 0 ? (
        <ul className="doc-list">
          {documents.slice(0, SHOWN).map((document) => (
            <li key={document.id} data-document-id={document.id}>
              <Link
                to={paths.document(document.id)}
                data-document-id={document.id}
                className="doc-link"
              >
                {document.title}
              </Link>
              <span className="doc-meta">
                <DocumentKindLabel kind={document.kind} />
                <StatusBadge status={document.status} />
                <span>
                  {interpolateNodes(t('documents.updatedOn', markersFor(['date'])), {
                    date: (
                      <time dateTime={document.updatedAt}>{format.date(document.updatedAt)}</time>
                    ),
                  })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="card-footer">
        <Link to={paths.documents({ priority })}>
          {t('dashboard.viewAll', { n: format.number(documents.length) })}
        </Link>
      </p>
    </section>
  );
}
