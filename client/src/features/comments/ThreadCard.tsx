import type { Mentionable, ThreadView } from '@polisee/contracts';
import { THEMATIC_PRIORITIES, type PoliDocument, type ThematicPriority } from '@polisee/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../api/auth';
import { useDeleteMessage, useEditMessage, useReply, useUpdateThread } from '../../api/threads';
import { useFormat } from '../../i18n/format';
import { canChangeMessage, canComment, canManageThread } from '../../permissions/permissions';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { MessageBody } from './MessageBody';
import { MessageComposer } from './MessageComposer';

interface ThreadCardProps {
  thread: ThreadView;
  document: PoliDocument;
  mentionable: Mentionable[];
  active: boolean;
  onActivate: () => void;
  /** Scrolls the editor to the thread's text; absent when it has none (document-level, orphaned). */
  onShowText?: () => void;
}

/** One thread beside the document: its quote, messages, reply box and resolve controls. */
export function ThreadCard({
  thread,
  document,
  mentionable,
  active,
  onActivate,
  onShowText,
}: ThreadCardProps) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const format = useFormat();
  const reply = useReply(thread.id);
  const update = useUpdateThread(thread.id);
  const editMessage = useEditMessage(thread.id);
  const deleteMessage = useDeleteMessage(thread.id);
  const [editing, setEditing] = useState<string | null>(null);
  const person = (id: string) => thread.people.find((p) => p.id === id);
  const mayComment = canComment(session, document);
  const mayManage = canManageThread(session, document, thread);
  const error = reply.error ?? update.error ?? editMessage.error ?? deleteMessage.error;
  const headingId = `thread-${thread.id}-title`;

  return (
    <article
      className={`thread-card${active ? ' active' : ''}${thread.status === 'resolved' ? ' resolved' : ''}`}
      aria-labelledby={headingId}
      data-thread-id={thread.id}
      data-status={thread.status}
      data-anchor-state={thread.anchorState}
      data-priority={thread.priority}
    >
      <header className="thread-header">
        <h3 id={headingId} className="thread-title">
          <button type="button" className="link-button" aria-expanded={active} onClick={onActivate}>
            {person(thread.authorId)?.name ?? t('comments.someone')}
          </button>
        </h3>
        <span className={`tag priority-${thread.priority}`}>
          {t(`priorities.${thread.priority}.name`)}
        </span>
        <span className={`badge thread-status-${thread.status}`}>
          {t(`comments.status.${thread.status}`)}
        </span>
      </header>
      {thread.anchorState === 'document' ? (
        <p className="muted thread-anchor-note">{t('comments.documentLevel')}</p>
      ) : (
        <blockquote className="thread-quote">
          {onShowText && thread.anchorState === 'anchored' ? (
            <button
              type="button"
              className="quote-button"
              onClick={onShowText}
              title={t('comments.showText')}
            >
              {thread.quote}
            </button>
          ) : (
            thread.quote
          )}
          {thread.anchorState === 'orphaned' ? (
            <span className="badge thread-orphaned">{t('comments.orphaned')}</span>
          ) : null}
        </blockquote>
      )}

      <ol className="thread-messages">
        {(active ? thread.messages : thread.messages.slice(0, 1)).map((message) => {
          const author = person(message.authorId);
          const own = message.authorId === session.user.id;
          return (
            <li key={message.id} className="thread-message" data-message-id={message.id}>
              <div className="message-meta">
                <span className="message-author">{author?.name ?? t('comments.someone')}</span>
                {author?.organisationName ? (
                  <span className="muted"> · {author.organisationName}</span>
                ) : null}
                <time className="muted" dateTime={message.createdAt}>
                  {' '}
                  · {format.dateTime(message.createdAt)}
                </time>
                {message.editedAt && !message.deletedAt ? (
                  <span className="muted"> · {t('comments.edited')}</span>
                ) : null}
              </div>
              {message.deletedAt ? (
                <p className="message-body muted">{t('comments.deleted')}</p>
              ) : editing === message.id ? (
                <MessageComposer
                  mentionable={mentionable}
                  label={t('comments.editLabel')}
                  submitLabel={t('comments.save')}
                  pending={editMessage.isPending}
                  initial={{ body: message.body, mentions: message.mentions }}
                  onSubmit={async (m) => {
                    await editMessage.mutateAsync({ messageId: message.id, ...m });
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                  autoFocus
                />
              ) : (
                <MessageBody
                  body={message.body}
                  mentions={message.mentions}
                  people={thread.people}
                />
              )}
              {active && !message.deletedAt && editing !== message.id ? (
                <div className="message-actions">
                  {own && canChangeMessage(session, document, message, 'edit') ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing(message.id)}
                    >
                      {t('comments.edit')}
                    </button>
                  ) : null}
                  {canChangeMessage(session, document, message, 'delete') ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        if (window.confirm(t('comments.confirmDelete')))
                          deleteMessage.mutate(message.id);
                      }}
                    >
                      {t('comments.delete')}
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {!active && thread.messages.length > 1 ? (
        <button type="button" className="link-button" onClick={onActivate}>
          {t('comments.moreReplies', { count: thread.messages.length - 1 })}
        </button>
      ) : null}

      {active ? (
        <div className="thread-footer">
          {mayComment ? (
            <MessageComposer
              mentionable={mentionable}
              label={t('comments.replyLabel')}
              submitLabel={t('comments.reply')}
              pending={reply.isPending}
              onSubmit={(m) => reply.mutateAsync(m)}
            />
          ) : null}
          {mayManage ? (
            <div className="button-row">
              <button
                type="button"
                className="button"
                data-testid="thread-toggle-status"
                // aria-disabled, not disabled: disabling the focused button would drop keyboard
                // focus to the page while the change is saved.
                aria-disabled={update.isPending || undefined}
                onClick={() => {
                  if (update.isPending) return;
                  update.mutate({ status: thread.status === 'open' ? 'resolved' : 'open' });
                }}
              >
                {thread.status === 'open' ? t('comments.resolve') : t('comments.reopen')}
              </button>
              <label className="inline-field">
                <span>{t('comments.priority')}</span>
                <select
                  name="threadPriority"
                  value={thread.priority}
                  aria-disabled={update.isPending || undefined}
                  onChange={(e) => {
                    if (!update.isPending)
                      update.mutate({ priority: e.target.value as ThematicPriority });
                  }}
                >
                  {THEMATIC_PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {t(`priorities.${p}.name`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : null}
          {error ? <ErrorAlert error={error} context={t('comments.actionFailed')} /> : null}
        </div>
      ) : null}
    </article>
  );
}
