import type { SignatoryView } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVersions } from '../../api/versions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useRequestSignoff } from './signoffApi';

/**
 * The lead asks organisations to sign off a named version: all of the group's, or those ticked,
 * under a quorum of all or N of them.
 */
export function RequestSignoffForm({
  document,
  organisations,
  onDone,
}: {
  document: PoliDocument;
  organisations: SignatoryView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const versions = useVersions(document.id);
  const request = useRequestSignoff(document.id);
  const named = (versions.data?.pages.flatMap((p) => p.items) ?? []).filter((v) => v.name);
  const [versionId, setVersionId] = useState('');
  const [chosen, setChosen] = useState<string[]>(organisations.map((o) => o.organisationId));
  const [quorum, setQuorum] = useState<'all' | 'n_of_m'>('all');
  const [required, setRequired] = useState(1);
  const [message, setMessage] = useState('');
  const selectedVersion = versionId || named[0]?.id || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(
      {
        versionId: selectedVersion,
        organisationIds: chosen,
        quorum,
        ...(quorum === 'n_of_m' ? { required } : {}),
        message,
      },
      { onSuccess: onDone },
    );
  };
  const toggle = (id: string) =>
    setChosen((ids) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]));

  return (
    <form className="review-form" onSubmit={submit} noValidate data-testid="signoff-request-form">
      <div className="field">
        <label htmlFor="signoff-version">{t('signoffs.request.version')}</label>
        <select
          id="signoff-version"
          value={selectedVersion}
          onChange={(event) => setVersionId(event.target.value)}
        >
          {named.map((v) => (
            <option key={v.id} value={v.id}>
              {t('signoffs.versionLabel', { number: v.number, name: v.name })}
            </option>
          ))}
        </select>
        {versions.isSuccess && named.length === 0 ? (
          <p className="muted">{t('signoffs.request.noNamedVersion')}</p>
        ) : null}
      </div>
      <fieldset className="field">
        <legend>{t('signoffs.request.organisations')}</legend>
        {organisations.map((o) => (
          <label key={o.organisationId} className="radio-row">
            <input
              type="checkbox"
              checked={chosen.includes(o.organisationId)}
              onChange={() => toggle(o.organisationId)}
            />{' '}
            {o.organisationName}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('signoffs.request.quorum')}</legend>
        <label className="radio-row">
          <input
            type="radio"
            name="signoff-quorum"
            checked={quorum === 'all'}
            onChange={() => setQuorum('all')}
          />{' '}
          {t('signoffs.quorum.all')}
        </label>
        <label className="radio-row">
          <input
            type="radio"
            name="signoff-quorum"
            checked={quorum === 'n_of_m'}
            onChange={() => setQuorum('n_of_m')}
          />{' '}
          {t('signoffs.quorum.nOfMChoice')}
        </label>
        {quorum === 'n_of_m' ? (
          <label>
            {t('signoffs.request.required')}{' '}
            <input
              type="number"
              min={1}
              max={chosen.length}
              value={required}
              onChange={(event) => setRequired(Number(event.target.value))}
            />
          </label>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="signoff-message">{t('signoffs.request.message')}</label>
        <textarea
          id="signoff-message"
          rows={2}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={request.isPending || !selectedVersion || chosen.length === 0}
        >
          {t('signoffs.request.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('signoffs.cancel')}
        </button>
      </div>
      <ErrorAlert error={request.error} context={t('signoffs.request.failed')} />
    </form>
  );
}
