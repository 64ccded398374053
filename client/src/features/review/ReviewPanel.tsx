import type { ReviewView } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { usePublish, useReviews } from '../../api/reviews';
import { useFormat } from '../../i18n/format';
import { canLeadReview } from '../../permissions/permissions';
import { useRoomSubscription } from '../../realtime/useRoomSubscription';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { StatusBadge } from '../../ui/StatusBadge';
import { RequestReviewForm } from './RequestReviewForm';
import { VerdictForm } from './VerdictForm';

/**
 * The document's review: its status, the current round with every reviewer's verdict, the
 * verdict form for a reviewer who has not answered, and the lead's request and publish actions.
 */
export function ReviewPanel({ document }: { document: PoliDocument }) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const reviews = useReviews(document.id);
  // Verdicts and new rounds arrive live (the room is shared with the comments panel).
  useRoomSubscription('document', document.id);
  const publish = usePublish(document.id);
  const [requesting, setRequesting] = useState(false);
  const mayLead = canLeadReview(session, document);
  const current = reviews.data?.find((r) => r.isCurrent) ?? null;
  const publishable =
    mayLead && document.status === 'approved' && current?.outcome === 'approved' ? current : null;

  return (
    <section
      className="card review-panel"
      aria-labelledby="review-title"
      data-testid="review-panel"
    >
      <div className="section-header">
        <h2 id="review-title">{t('review.title')}</h2>
        <span data-testid="document-status" data-status={document.status}>
          <StatusBadge status={document.status} />
        </span>
      </div>
      {reviews.isPending ? <Loading /> : null}
      {reviews.isError ? (
        <ErrorAlert error={reviews.error} context={t('review.loadFailed')} />
      ) : null}
      {reviews.isSuccess && !current ? <p className="muted">{t('review.none')}</p> : null}
      {current ? (
        <ReviewRound
          document={document}
          review={current}
          lastApproved={
            reviews.data?.find((r) => r.round < current.round && r.outcome === 'approved') ?? null
          }
        />
      ) : null}

      <div className="button-row">
        {mayLead && !requesting ? (
          <button
            type="button"
            className="button"
            data-testid="request-review"
            onClick={() => setRequesting(true)}
          >
            {current ? t('review.requestAgain') : t('review.request.open')}
          </button>
        ) : null}
        {publishable ? (
          <button
            type="button"
            className="button button-primary"
            data-testid="publish"
            disabled={publish.isPending}
            onClick={() => publish.mutate(publishable.versionId)}
          >
            {t('review.publish', { number: publishable.version.number })}
          </button>
        ) : null}
        {document.status === 'published' ? (
          <Link
            to={paths.documentPublished(document.id)}
            className="button"
            data-testid="view-published"
          >
            {t('review.viewPublished')}
          </Link>
        ) : null}
        <Link
          to={paths.documentHistory(document.id)}
          className="button button-quiet"
          data-testid="open-history"
        >
          {t('history.open')}
        </Link>
      </div>
      {publish.error ? (
        <ErrorAlert error={publish.error} context={t('review.publishFailed')} />
      ) : null}
      {requesting ? (
        <RequestReviewForm document={document} onDone={() => setRequesting(false)} />
      ) : null}
    </section>
  );
}

function ReviewRound({
  document,
  review,
  lastApproved,
}: {
  document: PoliDocument;
  review: ReviewView;
  /** The latest earlier round everyone approved: what changed since is what to read. */
  lastApproved: ReviewView | null;
}) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const format = useFormat();
  const name = (id: string) =>
    review.people.find((p) => p.id === id)?.name ?? t('comments.someone');
  const mine = review.reviewers.find((r) => r.userId === session.user.id);
  const awaitingMe = review.state === 'open' && mine && mine.verdict === null;

  return (
    <div className="review-round" data-review-id={review.id} data-outcome={review.outcome}>
      <p>
        {t('review.round', {
          round: review.round,
          requester: name(review.requestedBy),
          date: format.date(review.requestedAt),
          due: format.date(review.dueDate),
          number: review.version.number,
        })}
      </p>
      {review.message ? <blockquote className="thread-quote">{review.message}</blockquote> : null}
      <ul className="reviewer-list">
        {review.reviewers.map((r) => (
          <li key={r.userId} data-reviewer-id={r.userId} data-verdict={r.verdict ?? 'pending'}>
            <span className="message-author">{name(r.userId)}</span>{' '}
            <span className={`badge verdict-${r.verdict ?? 'pending'}`}>
              {r.verdict ? t(`review.verdicts.${r.verdict}`) : t('review.pending')}
            </span>
            {r.summary ? <p className="message-body">{r.summary}</p> : null}
          </li>
        ))}
      </ul>
      <p className="muted">{t(`review.outcomes.${review.outcome}`)}</p>
      {review.changedSinceRequested ? (
        <p className="alert alert-info" data-testid="changed-since-requested">
          {t('review.changedSince')}{' '}
          <Link to={paths.documentHistory(document.id, { from: review.versionId, to: 'current' })}>
            {t('review.compareWithNow')}
          </Link>
        </p>
      ) : null}
      {awaitingMe ? (
        <>
          <p className="button-row">
            <Link to={paths.documentHistory(document.id, { view: review.versionId })}>
              {t('review.readFrozen', { number: review.version.number })}
            </Link>
            {lastApproved ? (
              <Link
                to={paths.documentHistory(document.id, {
                  from: lastApproved.versionId,
                  to: review.versionId,
                })}
                data-testid="compare-last-approved"
              >
                {t('review.compareLastApproved', { number: lastApproved.version.number })}
              </Link>
            ) : null}
          </p>
          <VerdictForm documentId={document.id} reviewId={review.id} />
        </>
      ) : null}
    </div>
  );
}
