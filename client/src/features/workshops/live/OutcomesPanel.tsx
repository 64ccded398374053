import type { WorkshopView } from '@polisee/contracts';
import { OUTCOME_KINDS, WORKSHOP_LIMITS, type OutcomeKind } from '@polisee/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutcomes, useRecordOutcome } from '../../../api/workshops';
import { useFormat } from '../../../i18n/format';
import { useUiStore } from '../../../stores/ui';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { personOf } from './workshopPermissions';

interface OutcomesPanelProps {
  workshop: WorkshopView;
  facilitates: boolean;
}

/**
 * Decisions and actions, by agenda item, live for everyone (`workshop:outcome-added` writes into
 * the same list); facilitators record them against the current item.
 */
export function OutcomesPanel({ workshop, facilitates }: OutcomesPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const outcomes = useOutcomes(workshop.id);
  const items = outcomes.data ?? [];
  const titleOf = (agendaItemId: string | null) =>
    workshop.agenda.find((a) => a.id === agendaItemId)?.title ?? t('workshopLive.outcomes.general');

  return (
    <section className="card workshop-panel" aria-labelledby="workshop-outcomes-title">
      <h2 id="workshop-outcomes-title">{t('workshopLive.outcomes.title')}</h2>
      {facilitates && workshop.status !== 'scheduled' ? <OutcomeForm workshop={workshop} /> : null}
      {outcomes.isError ? (
        <ErrorAlert error={outcomes.error} context={t('workshopLive.outcomes.loadFailed')} />
      ) : null}
      {outcomes.isSuccess && items.length === 0 ? (
        <p className="empty-state">{t('workshopLive.outcomes.none')}</p>
      ) : null}
      <ul className="workshop-outcomes" data-testid="outcome-list">
        {items.map((outcome) => (
          <li key={outcome.id} data-kind={outcome.kind}>
            <span className={`badge workshop-outcome-${outcome.kind}`}>
              {t(`workshopLive.outcomes.kinds.${outcome.kind}`)}
            </span>{' '}
            <span className="workshop-outcome-text">{outcome.text}</span>
            <div className="workshop-muted">
              {titleOf(outcome.agendaItemId)}
              {outcome.ownerId
                ? ` · ${t('workshopLive.outcomes.ownedBy', {
                    name: personOf(workshop, outcome.ownerId)?.name ?? t('workshopLive.someone'),
                  })}`
                : ''}
              {outcome.dueDate
                ? ` · ${t('workshopLive.outcomes.dueBy', { date: format.date(outcome.dueDate) })}`
                : ''}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OutcomeForm({ workshop }: { workshop: WorkshopView }) {
  const { t } = useTranslation();
  const id = useId();
  const record = useRecordOutcome(workshop.id);
  const announce = useUiStore((s) => s.announce);
  const [kind, setKind] = useState<OutcomeKind>('decision');
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [empty, setEmpty] = useState(false);
  const current = workshop.currentItem === null ? null : workshop.agenda[workshop.currentItem];
  const people = [...workshop.people].sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setEmpty(true);
    setEmpty(false);
    const agendaItemId = current?.id ?? null;
    const body =
      kind === 'decision'
        ? { kind, agendaItemId, text: text.trim() }
        : {
            kind,
            agendaItemId,
            text: text.trim(),
            ownerId: ownerId || null,
            dueDate: dueDate || null,
          };
    record.mutate(body, {
      onSuccess: () => {
        setText('');
        setOwnerId('');
        setDueDate('');
        announce(t('workshopLive.outcomes.recorded'));
      },
    });
  };

  return (
    <form className="workshop-outcome-form" data-testid="outcome-form" onSubmit={submit} noValidate>
      <p className="workshop-muted">
        {current
          ? t('workshopLive.outcomes.forItem', { title: current.title })
          : t('workshopLive.outcomes.forWorkshop')}
      </p>
      <fieldset className="workshop-kind-choice">
        <legend>{t('workshopLive.outcomes.kind')}</legend>
        {OUTCOME_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input
              type="radio"
              name={`${id}-kind`}
              data-testid={`outcome-kind-${k}`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            <span>{t(`workshopLive.outcomes.kinds.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('workshopLive.outcomes.text')}</label>
        <textarea
          id={`${id}-text`}
          data-testid="outcome-text"
          rows={3}
          value={text}
          maxLength={WORKSHOP_LIMITS.decisionChars}
          aria-invalid={empty || undefined}
          aria-describedby={empty ? `${id}-empty` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        {empty ? (
          <p id={`${id}-empty`} className="field-error" role="alert">
            {t('workshopLive.outcomes.textRequired')}
          </p>
        ) : null}
      </div>
      {kind === 'action' ? (
        <div className="workshop-form-row">
          <div className="field">
            <label htmlFor={`${id}-owner`}>{t('workshopLive.outcomes.owner')}</label>
            <select
              id={`${id}-owner`}
              data-testid="outcome-owner"
              value={ownerId}
              onChange={(e) => setOwnerId(e.target.value)}
            >
              <option value="">{t('workshopLive.outcomes.noOwner')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {t('workshopLive.outcomes.person', {
                    name: p.name,
                    organisation: p.organisationName,
                  })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>{t('workshopLive.outcomes.due')}</label>
            <input
              id={`${id}-due`}
              type="date"
              data-testid="outcome-due"
              value={dueDate}
              onChange={(e) => setDueDate(e.target.value)}
            />
          </div>
        </div>
      ) : null}
      <ErrorAlert error={record.error} context={t('workshopLive.outcomes.recordFailed')} />
      <button
        type="submit"
        className="button button-primary"
        data-testid="record-outcome"
        disabled={record.isPending}
      >
        {kind === 'decision'
          ? t('workshopLive.outcomes.recordDecision')
          : t('workshopLive.outcomes.recordAction')}
      </button>
    </form>
  );
}
