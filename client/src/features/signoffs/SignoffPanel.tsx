import type { SignoffView } from '@polisee/contracts';
import { signoffIsLive, type PoliDocument } from '@polisee/domain';
import { canOnSignoff } from '@polisee/policy';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../api/auth';
import { useFormat } from '../../i18n/format';
import { useRoomSubscription } from '../../realtime/useRoomSubscription';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { Comparison } from '../history/HistoryPage';
import { AnswerSignoffForm } from './AnswerSignoffForm';
import { RequestSignoffForm } from './RequestSignoffForm';
import { SignatoriesEditor } from './SignatoriesEditor';
import { SignoffStatusChip } from './SignoffStatusChip';
import {
  signoffCsvUrl,
  useDocumentSignoffs,
  useSignatories,
  useWithdrawSignoff,
} from './signoffApi';

/**
 * The document's consent sign-off (decision 0065): the latest request's status and each
 * organisation's answer, the signatory's answer form, the lead's request, withdrawal and
 * signatories, the CSV record, and — once the text moved after the signed version — the
 * comparison of that version with the document now.
 */
export function SignoffPanel({ document }: { document: PoliDocument }) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const signoffs = useDocumentSignoffs(document.id);
  const mayLead = canOnSignoff(session, 'signoff.request', document.workingGroupId, document);
  const mayRead = canOnSignoff(session, 'signoff.read', document.workingGroupId);
  const signatories = useSignatories(document.workingGroupId);
  // Answers, withdrawals and lapses arrive live (the room is shared with the other panels).
  useRoomSubscription('document', document.id);
  const [requesting, setRequesting] = useState(false);
  if (!mayRead) return null;
  const current = signoffs.data?.[0] ?? null;

  return (
    <section
      className="card signoff-panel"
      aria-labelledby="signoff-title"
      data-testid="signoff-panel"
    >
      <div className="section-header">
        <h2 id="signoff-title">{t('signoffs.title')}</h2>
        {current ? <SignoffStatusChip status={current.status} /> : null}
      </div>
      {signoffs.isPending ? <Loading /> : null}
      {signoffs.isError ? (
        <ErrorAlert error={signoffs.error} context={t('signoffs.loadFailed')} />
      ) : null}
      {signoffs.isSuccess && !current ? <p className="muted">{t('signoffs.none')}</p> : null}
      {current ? (
        <SignoffRequestView document={document} request={current} mayLead={mayLead} />
      ) : null}
      {mayLead && !requesting && signatories.data ? (
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="request-signoff"
            onClick={() => setRequesting(true)}
          >
            {t('signoffs.request.open')}
          </button>
        </div>
      ) : null}
      {requesting && signatories.data ? (
        <RequestSignoffForm
          document={document}
          organisations={signatories.data}
          onDone={() => setRequesting(false)}
        />
      ) : null}
      {mayLead && signatories.data ? (
        <SignatoriesEditor
          workingGroupId={document.workingGroupId}
          documentId={document.id}
          organisations={signatories.data}
        />
      ) : null}
    </section>
  );
}

function SignoffRequestView({
  document,
  request,
  mayLead,
}: {
  document: PoliDocument;
  request: SignoffView;
  mayLead: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSessionInfo();
  const withdraw = useWithdrawSignoff(document.id, request.id);
  const mine = request.organisations.find(
    (o) => o.signatoryId === session.user.id && o.answer === null,
  );
  const mayAnswer = mine && signoffIsLive(request);

  return (
    <div className="signoff-request" data-signoff-id={request.id}>
      <p>
        {t('signoffs.summary', {
          number: request.version.number,
          name: request.version.name ?? '',
          requester: request.requester?.name ?? '',
          date: format.date(request.requestedAt),
        })}{' '}
        {request.quorum === 'all'
          ? t('signoffs.quorum.all')
          : t('signoffs.quorum.nOfM', { n: request.required, m: request.organisationIds.length })}
      </p>
      {request.message ? <blockquote className="thread-quote">{request.message}</blockquote> : null}
      <ul className="reviewer-list">
        {request.organisations.map((o) => (
          <li
            key={o.organisationId}
            data-organisation-id={o.organisationId}
            data-answer={o.answer?.answer ?? 'none'}
          >
            <span className="message-author">{o.organisationName}</span>{' '}
            <span className="muted">
              {o.answer ? (o.answeredByName ?? '') : (o.signatoryName ?? t('signoffs.noSignatory'))}
            </span>{' '}
            <span className={`badge signoff-answer-${o.answer?.answer ?? 'none'}`}>
              {o.answer ? t(`signoffs.answers.${o.answer.answer}`) : t('signoffs.awaiting')}
            </span>
            {o.answer?.text ? <p className="message-body">{o.answer.text}</p> : null}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <a className="button button-quiet" href={signoffCsvUrl(request.id)} download>
          {t('signoffs.exportCsv')}
        </a>
        {mayLead && request.status === 'pending' ? (
          <button
            type="button"
            className="button"
            data-testid="withdraw-signoff"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate()}
          >
            {t('signoffs.withdraw')}
          </button>
        ) : null}
      </div>
      <ErrorAlert error={withdraw.error} context={t('signoffs.withdrawFailed')} />
      {mayAnswer ? <AnswerSignoffForm documentId={document.id} requestId={request.id} /> : null}
      {request.status === 'lapsed' ? (
        <div className="signoff-lapsed" data-testid="signoff-lapsed-diff">
          <p className="alert alert-info">
            {t('signoffs.lapsedExplained', { number: request.version.number })}
          </p>
          <Comparison document={document} from={request.versionId} to="current" />
        </div>
      ) : null}
    </div>
  );
}
