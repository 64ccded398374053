import { THEMATIC_PRIORITIES, type PoliDocument, type ThematicPriority } from '@polisee/domain';
import type { Mentionable, ThreadView } from '@polisee/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStartThread } from '../../api/threads';
import type { SelectionAnchor } from '../../editor/selectionAnchor';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField } from '../../ui/SelectField';
import { anchorProblemOf } from './anchorError';
import { MessageComposer, type ComposedMessage } from './MessageComposer';

/** The selection may name text still on its way to the server: try again a few times. */
const NOT_SYNCED_RETRIES = 5;
const RETRY_DELAY_MS = 600;

interface NewThreadFormProps {
  document: PoliDocument;
  anchor: SelectionAnchor | null;
  mentionable: Mentionable[];
  onDone: (thread: ThreadView | null) => void;
}

/** Starts a thread on the selected text (or the whole document) under one thematic priority. */
export function NewThreadForm({ document, anchor, mentionable, onDone }: NewThreadFormProps) {
  const { t } = useTranslation();
  const start = useStartThread(document.id);
  const [priority, setPriority] = useState<ThematicPriority>(
    document.thematicPriorities[0] ?? 'innovation',
  );

  const submit = async (message: ComposedMessage) => {
    const body = {
      priority,
      body: message.body,
      mentions: message.mentions,
      ...(anchor ? { anchor: { from: anchor.from, to: anchor.to } } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const thread = await start.mutateAsync(body);
        onDone(thread);
        return;
      } catch (error) {
        if (anchorProblemOf(error) !== 'not_synced' || attempt >= NOT_SYNCED_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  };

  const problem = anchorProblemOf(start.error);
  return (
    <section
      className="thread-card thread-draft"
      aria-label={t('comments.new.title')}
      data-testid="new-thread"
    >
      <h3 className="thread-draft-title">{t('comments.new.title')}</h3>
      {anchor ? (
        <blockquote className="thread-quote">{anchor.quote}</blockquote>
      ) : (
        <p className="muted">{t('comments.documentLevel')}</p>
      )}
      <SelectField
        label={t('comments.new.priority')}
        name="priority"
        value={priority}
        onChange={(e) => setPriority(e.target.value as ThematicPriority)}
        error={undefined}
      >
        {THEMATIC_PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priorities.${p}.name`)}
          </option>
        ))}
      </SelectField>
      <MessageComposer
        mentionable={mentionable}
        label={t('comments.new.bodyLabel')}
        submitLabel={t('comments.new.submit')}
        pending={start.isPending}
        onSubmit={submit}
        onCancel={() => onDone(null)}
        autoFocus
      />
      {problem ? (
        <p className="field-error" role="alert">
          {t(`comments.anchorProblems.${problem}`)}
        </p>
      ) : start.error ? (
        <ErrorAlert error={start.error} context={t('comments.new.failed')} />
      ) : null}
    </section>
  );
}
