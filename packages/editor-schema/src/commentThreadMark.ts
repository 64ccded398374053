import { Mark, mergeAttributes } from '@tiptap/core';

/** The HTML attribute that carries a thread id on highlighted text. */
export const COMMENT_THREAD_ATTRIBUTE = 'data-comment-thread';

/**
 * Marks the text a comment thread hangs on. It lives inside the Y.Doc like any formatting, so
 * the anchor moves with concurrent and offline edits. Threads may overlap (`excludes: ''`;
 * y-prosemirror stores overlapping marks under per-attribute keys), and typing at either edge
 * does not extend the mark (`inclusive: false`). Only the server adds it (see the thread
 * service): a read-only observer can start a thread without writing to the document.
 */
export const CommentThreadMark = Mark.create({
  name: 'commentThread',
  inclusive: false,
  excludes: '',
  spanning: true,

  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute(COMMENT_THREAD_ATTRIBUTE),
        renderHTML: (attributes) => ({ [COMMENT_THREAD_ATTRIBUTE]: attributes.threadId as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: `span[${COMMENT_THREAD_ATTRIBUTE}]` }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'comment-anchor' }, HTMLAttributes), 0];
  },
});
