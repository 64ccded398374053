import type { PoliDocument } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateDocument } from '../../api/documents';
import { useWorkingGroupMembers } from '../../api/workspace';
import { useUiStore } from '../../stores/ui';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';

interface SuggestOnlyFormProps {
  document: PoliDocument;
  onDone: () => void;
}

/**
 * The lead names the group's members who may only suggest on this document (decision 0081):
 * one checkbox per member but the lead, who always edits. Saved as the whole list.
 */
export function SuggestOnlyForm({ document, onDone }: SuggestOnlyFormProps) {
  const { t } = useTranslation();
  const members = useWorkingGroupMembers(document.workingGroupId);
  const update = useUpdateDocument(document.id);
  const announce = useUiStore((s) => s.announce);
  const [held, setHeld] = useState<ReadonlySet<string>>(() => new Set(document.suggestOnlyIds));
  const candidates = (members.data ?? []).filter((m) => m.role !== 'wg_lead');

  const toggle = (userId: string, on: boolean) => {
    const next = new Set(held);
    if (on) next.add(userId);
    else next.delete(userId);
    setHeld(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only current members are sent: someone who left the group since is dropped from the list.
    const suggestOnlyIds = candidates.map((m) => m.user.id).filter((id) => held.has(id));
    update.mutate(
      { suggestOnlyIds },
      {
        onSuccess: () => {
          announce(t('suggestions.holdSaved'));
          onDone();
        },
      },
    );
  };

  return (
    <form
      className="inline-form card"
      onSubmit={submit}
      noValidate
      aria-label={t('suggestions.holdTitle')}
      data-testid="suggest-only-form"
    >
      <fieldset disabled={update.isPending}>
        <legend>{t('suggestions.holdTitle')}</legend>
        <p className="field-hint">{t('suggestions.holdHint')}</p>
        {members.isPending ? <Loading /> : null}
        <ErrorAlert error={members.error} context={t('workingGroups.membersFailed')} />
        {members.isSuccess && candidates.length === 0 ? <p>{t('suggestions.holdNone')}</p> : null}
        {candidates.map((m) => (
          <label key={m.user.id} className="checkbox">
            <input
              type="checkbox"
              checked={held.has(m.user.id)}
              onChange={(e) => toggle(m.user.id, e.target.checked)}
            />
            <span>
              {m.user.name} <span className="muted">({t(`roles.${m.role}`)})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={update.error} context={t('documents.saveFailed')} />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={update.isPending || !members.isSuccess}
        >
          {t('common.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
