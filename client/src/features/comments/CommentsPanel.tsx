import type { ThreadView } from '@polisee/contracts';
import {
  THEMATIC_PRIORITIES,
  type PoliDocument,
  type ThematicPriority,
  type ThreadStatus,
} from '@polisee/domain';
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../../api/auth';
import { useDocumentThreads, useMarkThreadRead, useMentionable } from '../../api/threads';
import { commentHighlightsKey, threadRange } from '../../editor/commentHighlights';
import { canComment } from '../../permissions/permissions';
import { useRoomSubscription } from '../../realtime/useRoomSubscription';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SelectField } from '../../ui/SelectField';
import { Loading } from '../../ui/Loading';
import { scrollBehavior } from '../../ui/motion';
import { useCommentsUi } from './commentsStore';
import { NewThreadForm } from './NewThreadForm';
import { SuggestionsSection } from './SuggestionsSection';
import { ThreadCard } from './ThreadCard';
import type { SuggestionSetup } from '../../editor/suggestions/authors';
import { useActiveThread } from './useActiveThread';

type PriorityFilter = ThematicPriority | 'all';
type StatusFilter = ThreadStatus | 'all';

/** Centres the thread's text in the editor's scroll area; false while its text is not there yet. */
function scrollToThreadText(editor: Editor, threadId: string): boolean {
  const range = threadRange(editor.state, threadId);
  if (!range) return false;
  const { node } = editor.view.domAtPos(range.from + 1);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
  return true;
}

/**
 * The document's comment threads, beside its text: filter by priority and status, start a
 * thread on the selection or the whole document, and follow one thread at a time. Live through
 * the document's socket.io room.
 */
export function CommentsPanel({
  document,
  editor,
  suggestions,
}: {
  document: PoliDocument;
  editor: Editor | null;
  /** Pending suggestions are listed too, when the page has the editor's suggestion setup. */
  suggestions?: SuggestionSetup;
}) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const threads = useDocumentThreads(document.id);
  const mayComment = canComment(session, document);
  const mentionable = useMentionable(document.id);
  useRoomSubscription('document', document.id);
  const [active, setActive] = useActiveThread();
  const { mutate: markRead } = useMarkThreadRead();
  const draft = useCommentsUi((s) => (s.draft?.documentId === document.id ? s.draft : null));
  const startDraft = useCommentsUi((s) => s.startDraft);
  const clearDraft = useCommentsUi((s) => s.clearDraft);
  const [priority, setPriority] = useState<PriorityFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('open');
  const pendingScroll = useRef<string | null>(active);
  const pendingFocus = useRef<string | null>(null);

  const all = useMemo(() => threads.data ?? [], [threads.data]);
  const shown = all.filter(
    (thread) =>
      thread.id === active ||
      ((priority === 'all' || thread.priority === priority) &&
        (status === 'all' || thread.status === status)),
  );

  // The editor highlights open threads and the active one.
  const openIds = useMemo(
    () =>
      all
        .filter((thread) => thread.status === 'open')
        .map((thread) => thread.id)
        .join(','),
    [all],
  );
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const visible = new Set(openIds ? openIds.split(',') : []);
    if (active) visible.add(active);
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { visible, active }));
  }, [editor, openIds, active]);

  // A thread opened from a link: scroll to its text as soon as the document holds it.
  useEffect(() => {
    if (!editor || editor.isDestroyed || !pendingScroll.current) return;
    const tryScroll = () => {
      if (pendingScroll.current && scrollToThreadText(editor, pendingScroll.current)) {
        pendingScroll.current = null;
        editor.off('update', tryScroll);
      }
    };
    tryScroll();
    editor.on('update', tryScroll);
    return () => void editor.off('update', tryScroll);
  }, [editor]);

  // Opening a thread reads it: it stops counting as unread in the priority inbox.
  const activeExists = all.some((thread) => thread.id === active);
  useEffect(() => {
    if (active && activeExists) markRead(active);
  }, [active, activeExists, markRead]);

  useEffect(() => {
    if (!active) return;
    globalThis.document
      .querySelector(`[data-thread-id="${CSS.escape(active)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  }, [active]);

  // A thread just started takes the focus its form held (the form is gone), so a keyboard user
  // goes on from the new thread instead of from the top of the page. It may render a moment
  // after the form closes, and the address may open it a moment later still, hence a check
  // after every render until it is there and open (focus never lands on a closed thread).
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id || active !== id) return;
    const toggle = globalThis.document.querySelector<HTMLElement>(
      `[data-thread-id="${CSS.escape(id)}"] .thread-title button`,
    );
    if (!toggle) return;
    pendingFocus.current = null;
    toggle.focus();
  });

  const open = (thread: ThreadView) => setActive(active === thread.id ? null : thread.id);

  return (
    <aside className="comments-panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <div className="section-header">
        <h2 id="comments-title">{t('comments.title')}</h2>
        {mayComment ? (
          <button
            type="button"
            className="button button-quiet"
            data-testid="new-document-thread"
            onClick={() => startDraft(document.id, null)}
          >
            {t('comments.newDocumentThread')}
          </button>
        ) : null}
      </div>
      <div className="comments-filters">
        <SelectField
          label={t('comments.filterPriority')}
          name="commentPriority"
          value={priority}
          onChange={(e) => setPriority(e.target.value as PriorityFilter)}
          error={undefined}
        >
          <option value="all">{t('comments.allPriorities')}</option>
          {THEMATIC_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priorities.${p}.name`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('comments.filterStatus')}
          name="commentStatus"
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
          error={undefined}
        >
          <option value="open">{t('comments.status.open')}</option>
          <option value="resolved">{t('comments.status.resolved')}</option>
          <option value="all">{t('comments.allStatuses')}</option>
        </SelectField>
      </div>
      {draft && mayComment ? (
        <NewThreadForm
          key={draft.anchor?.from ?? 'document'}
          document={document}
          anchor={draft.anchor}
          mentionable={mentionable.data ?? []}
          onDone={(thread) => {
            clearDraft();
            if (thread) {
              pendingFocus.current = thread.id;
              setActive(thread.id);
            } else if (editor && !editor.isDestroyed) {
              // Cancelled: back to the text the thread was about.
              editor.commands.focus();
            }
          }}
        />
      ) : null}
      {threads.isPending ? <Loading /> : null}
      {threads.isError ? (
        <ErrorAlert error={threads.error} context={t('comments.loadFailed')} />
      ) : null}
      {threads.isSuccess && shown.length === 0 && !draft ? (
        <p className="muted">{mayComment ? t('comments.emptyCanComment') : t('comments.empty')}</p>
      ) : null}
      {editor && suggestions ? (
        <SuggestionsSection
          document={document}
          editor={editor}
          setup={suggestions}
          threads={all}
          mayComment={mayComment}
          onOpenThread={(id) => setActive(id)}
        />
      ) : null}
      <div className="thread-list">
        {shown.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            document={document}
            mentionable={mentionable.data ?? []}
            active={thread.id === active}
            onActivate={() => open(thread)}
            onShowText={
              editor
                ? () => {
                    setActive(thread.id);
                    scrollToThreadText(editor, thread.id);
                  }
                : undefined
            }
          />
        ))}
      </div>
    </aside>
  );
}
